import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAllPages } from '../../api/client';
import type {
  Category, CategoryList, CreateCategoryBody, CreatePostBody, CreatePostTypeBody, CreateUnitBody, Post, PostList, PostType, PostTypeList, Unit, UnitDetail,
  UpdateUnitBody,
} from '@baton/contract/org';
import type { Id } from '../../shared/params';

export const orgKeys = {
  units: ['units'] as const,
  unit: (id: Id) => ['units', String(id)] as const,
  categories: ['categories'] as const,
  postTypes: ['post-types'] as const,
  posts: ['posts'] as const,
};

/** Every unit in the caller's scope (the contract allows pages of up to 5000). */
export function useUnits(enabled = true) {
  return useQuery({
    queryKey: orgKeys.units,
    queryFn: ({ signal }) => fetchAllPages<Unit>('/api/units', { limit: 5000 }, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useUnit(id: Id | null) {
  return useQuery({
    queryKey: orgKeys.unit(id ?? ''),
    queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${encodeURIComponent(String(id))}`, { signal }),
    enabled: id !== null,
  });
}

export function useCategories(enabled = true) {
  return useQuery({
    queryKey: orgKeys.categories,
    queryFn: ({ signal }) => api<CategoryList>('/api/categories', { signal }).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  });
}

export function usePostTypes() {
  return useQuery({
    queryKey: orgKeys.postTypes,
    queryFn: ({ signal }) => api<PostTypeList>('/api/post-types', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function usePosts() {
  return useQuery({
    queryKey: orgKeys.posts,
    queryFn: ({ signal }) => api<PostList>('/api/posts', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

function useInvalidate(...keys: (readonly unknown[])[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useCreateUnit() {
  const invalidate = useInvalidate(orgKeys.units, orgKeys.categories);
  return useMutation({
    mutationFn: (input: CreateUnitBody) => api<Unit>('/api/units', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit() {
  const invalidate = useInvalidate(orgKeys.units, orgKeys.categories);
  return useMutation({
    mutationFn: ({ id, patch }: { id: Id; patch: UpdateUnitBody }) =>
      api<Unit>(`/api/units/${encodeURIComponent(String(id))}`, { method: 'PATCH', body: patch }),
    onSuccess: invalidate,
  });
}

export function useSaveCategory() {
  const invalidate = useInvalidate(orgKeys.categories, orgKeys.units);
  return useMutation({
    mutationFn: ({ id, input }: { id: Id | null; input: CreateCategoryBody }) =>
      id === null
        ? api<Category>('/api/categories', { method: 'POST', body: input })
        : api<Category>(`/api/categories/${encodeURIComponent(String(id))}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useCreatePostType() {
  const invalidate = useInvalidate(orgKeys.postTypes, orgKeys.posts);
  return useMutation({
    mutationFn: (input: CreatePostTypeBody) =>
      api<PostType>('/api/post-types', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useCreatePost() {
  const invalidate = useInvalidate(orgKeys.posts);
  return useMutation({
    mutationFn: (input: CreatePostBody) =>
      api<Post>('/api/posts', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}
