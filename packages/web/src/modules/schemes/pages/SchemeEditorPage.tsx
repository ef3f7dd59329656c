import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { CodeOutlined, CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import type { Category } from '@baton/contract/org';
import type { Scheme } from '@baton/contract/schemes';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { can, useCurrentMe } from '../../auth/auth.api';
import { useCategories } from '../../org/org.api';
import { issueText } from '../components/Field';
import { JsonDrawer } from '../components/JsonDrawer';
import { SchemeBuilder } from '../components/SchemeBuilder';
import { useCreateScheme, useScheme, useSchemes } from '../schemes.api';
import {
  tierSuggestionsOf,
} from '../schemes.model';
import { emptySchemeForm, type FormIssue, type SchemeForm } from '../scheme-form.model';
import { definitionFromForm, schemeFormFromDefinition, schemeFormFromScheme, schemeInputFromForm } from '../scheme-definition.model';
import {
  checkDefinitionWithEngine,
  checkSchemeForm,
  formAreaOf,
  formIssuesOfDetails,
  onCouplingRows,
  splitFormPath,
  weightCategories,
} from '../scheme-checks.model';

const AREA_ANCHORS: Record<ReturnType<typeof formAreaOf>, string> = {
  basics: 'scheme-basics',
  sections: 'scheme-sections',
  indicators: 'scheme-indicators',
  weights: 'scheme-weights',
  grades: 'scheme-grades',
  coupling: 'scheme-coupling',
  definition: 'scheme-basics',
};

function scrollToArea(path: string) {
  document.getElementById(AREA_ANCHORS[formAreaOf(path)])?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** The next version a code gets when saved (one more than its latest; 1 for a new code). */
function nextVersionOf(schemes: readonly Scheme[] | undefined, code: string): number {
  return Math.max(0, ...(schemes ?? []).filter((s) => s.code === code.trim()).map((s) => s.version)) + 1;
}

/** Local issues first; the engine's and the server's only where the form has said nothing about that field. */
function mergeIssues(...lists: (readonly FormIssue[])[]): FormIssue[] {
  const out: FormIssue[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    const paths = new Set<string>();
    for (const issue of list) {
      if (seen.has(issue.path)) continue;
      out.push(issue);
      paths.add(issue.path);
    }
    for (const path of paths) seen.add(path);
  }
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  id: 'indicatorId',
  name: 'indicatorName',
  kind: 'indicatorKind',
  method: 'method',
  section: 'section',
  weight: 'weight',
  direction: 'direction',
  cap: 'cap',
  floor: 'floor',
  minRatio: 'minRatio',
  step: 'step',
  raterGroups: 'raterGroups',
  base: 'base',
  min: 'min',
  max: 'max',
  effect: 'effect',
  quota: 'quota',
  minScore: 'minScore',
  requires: 'requires',
};

/** Where an issue is, in words: "指标 #2 performance · 权重", "分类权重 · main · 工业强镇". */
function useIssuePlace(form: SchemeForm | null, categories: readonly Category[]) {
  const { t } = useTranslation();
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  return (path: string): string => {
    const { area, index, field } = splitFormPath(path);
    const areaLabel = t(`schemes.area.${formAreaOf(path)}`);
    const fieldLabel = (key: string, grade = false) => {
      if (key.startsWith('weightsByCategory.')) return `${t('schemes.field.weight')} · ${categoryName(key.slice('weightsByCategory.'.length))}`;
      const head = key.split('.')[0] ?? '';
      if (grade && head === 'name') return t('schemes.field.gradeName');
      const label = FIELD_LABELS[head];
      return label ? t(`schemes.field.${label as 'weight'}`) : key;
    };
    if (area === 'weights' && index !== null) {
      const section = form?.sections[index]?.id ?? '';
      return `${areaLabel} · ${section} · ${field === '*' ? t('schemes.field.defaultColumn') : categoryName(field)}`;
    }
    if (area === 'indicators' && index !== null) {
      const id = form?.indicators[index]?.id;
      return `${areaLabel} #${index + 1}${id ? ` ${id}` : ''}${field ? ` · ${fieldLabel(field)}` : ''}`;
    }
    if (area === 'grades' && index !== null) {
      const name = form?.grades[index]?.name;
      return `${areaLabel} ${name || `#${index + 1}`}${field ? ` · ${fieldLabel(field, true)}` : ''}`;
    }
    if (area === 'sections' && index !== null) return `${areaLabel} ${form?.sections[index]?.id || `#${index + 1}`}${field === 'weight' ? ` · ${t('schemes.field.sectionWeight')}` : ''}`;
    if (area === 'quotaCoupling') {
      const row = /^tiers\[(\d+)\]\.(tier|quota)$/.exec(field);
      if (row) {
        const tier = form?.quotaCoupling.tiers[Number(row[1])]?.tier.trim() || `#${Number(row[1]) + 1}`;
        return row[2] === 'tier' ? `${areaLabel} · ${t('schemes.field.couplingTier')} ${tier}` : `${areaLabel} · ${tier} · ${t('schemes.field.quota')}`;
      }
      if (field.startsWith('byTier.')) return `${areaLabel} · ${field.slice('byTier.'.length)}`;
      if (field === 'grade') return `${areaLabel} · ${t('schemes.field.couplingGrade')}`;
      if (field === 'otherwise') return `${areaLabel} · ${t('schemes.field.couplingOtherwise')}`;
      if (field === 'byTier') return `${areaLabel} · ${t('schemes.field.couplingTier')}`;
      return areaLabel;
    }
    if (area === 'code') return t('schemes.field.code');
    if (area === 'name') return t('schemes.field.name');
    return areaLabel;
  };
}

function IssueSummary({ issues, title, place }: { issues: readonly FormIssue[]; title: string; place: (path: string) => string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      data-testid="scheme-issues"
      description={
        <Flex vertical gap={2}>
          {issues.slice(0, 12).map((issue, i) => (
            <Flex key={`${issue.path}-${i}`} gap={6} wrap align="baseline">
              <Typography.Text strong style={{ fontSize: 13 }}>
                {place(issue.path)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>{issueText(t, issue.message)}</Typography.Text>
              <Button size="small" type="link" style={{ padding: 0, height: 'auto' }} onClick={() => scrollToArea(issue.path)}>
                {t('schemes.editor.jumpTo')}
              </Button>
            </Flex>
          ))}
          {issues.length > 12 ? <Typography.Text type="secondary">…</Typography.Text> : null}
        </Flex>
      }
    />
  );
}

function SchemeCreate({ from }: { from: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const source = useScheme(from);
  const schemes = useSchemes();
  const categories = useCategories();
  const create = useCreateScheme();
  const [form, setForm] = useState<SchemeForm | null>(from ? null : emptySchemeForm());
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<FormIssue[]>([]);
  const [jsonOpen, setJsonOpen] = useState(false);
  const [dirty, setDirty] = useState(false);
  const place = useIssuePlace(form, categories.data ?? []);
  const tierSuggestions = useMemo(() => tierSuggestionsOf(schemes.data ?? []), [schemes.data]);

  useEffect(() => {
    if (form === null && source.data) setForm(schemeFormFromScheme(source.data));
  }, [form, source.data]);

  // a reload or a closed tab would lose the whole scheme
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const knownCodes = useMemo(() => (categories.data ?? []).map((c) => c.code), [categories.data]);
  const gridCategories = useMemo(() => (form ? weightCategories(form, knownCodes) : knownCodes), [form, knownCodes]);
  const localIssues = useMemo(() => (form ? checkSchemeForm(form, gridCategories) : []), [form, gridCategories]);
  const engineIssues = useMemo(() => (form && attempted ? onCouplingRows(checkDefinitionWithEngine(definitionFromForm(form)), form) : []), [form, attempted]);
  // sums show as the admin types; the rest once he has tried to save
  const shownLocal = attempted ? localIssues : localIssues.filter((i) => i.path.startsWith('weights['));
  const issues = mergeIssues(shownLocal, engineIssues, serverIssues);
  const blocking = mergeIssues(localIssues, engineIssues);

  if (from && source.isError) return <Alert type="error" showIcon title={errorText(t, source.error)} />;
  if (!form) return <Skeleton active />;

  const change = (next: SchemeForm) => {
    setForm(next);
    setDirty(true);
    if (serverIssues.length > 0) setServerIssues([]);
    if (create.isError) create.reset();
  };

  const save = () => {
    setAttempted(true);
    const engine = checkDefinitionWithEngine(definitionFromForm(form));
    if (checkSchemeForm(form, gridCategories).length > 0 || engine.length > 0) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    const input = schemeInputFromForm(form);
    create.mutate(input, {
      onSuccess: (scheme) => {
        setDirty(false);
        void message.success(t('schemes.editor.saved', { code: scheme.code, version: scheme.version }));
        navigate(`/schemes/${encodeURIComponent(String(scheme.id))}`);
      },
      onError: (error) => {
        if (error instanceof ApiError) setServerIssues(onCouplingRows(formIssuesOfDetails(error.details, input.definition), form));
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
    });
  };

  const code = form.code.trim();
  const next = nextVersionOf(schemes.data, code);
  const saveButton = (
    <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} onClick={save} block={isMobile} size={isMobile ? 'large' : 'middle'} data-testid="scheme-save">
      {next > 1 ? t('schemes.editor.save') : t('schemes.editor.saveNew')}
    </Button>
  );

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/schemes">{t('schemes.editor.back')}</Link> }, { title: source.data ? source.data.name : t('schemes.editor.newTitle') }]} />
      <PageHeader
        title={source.data ? t('schemes.editor.copyTitle', { name: source.data.name }) : t('schemes.editor.newTitle')}
        subtitle={code ? (next > 1 ? t('schemes.editor.newVersionOf', { code, version: next }) : t('schemes.editor.firstVersion', { code })) : undefined}
        extra={
          <>
            <Button icon={<CodeOutlined />} onClick={() => setJsonOpen(true)} data-testid="scheme-json">
              {t('schemes.editor.json')}
            </Button>
            {!isMobile ? saveButton : null}
          </>
        }
      />
      <Flex vertical gap={12}>
        {attempted ? <IssueSummary issues={blocking} title={t('schemes.editor.issuesTitle', { count: blocking.length })} place={place} /> : null}
        {create.isError && serverIssues.length === 0 ? (
          <Alert type="error" showIcon title={t('schemes.editor.serverIssuesTitle')} description={errorText(t, create.error)} data-testid="scheme-server-error" />
        ) : null}
        {serverIssues.length > 0 ? <IssueSummary issues={serverIssues} title={t('schemes.editor.serverIssuesTitle')} place={place} /> : null}
        <SchemeBuilder form={form} onChange={change} issues={issues} categories={gridCategories} knownCategories={categories.data ?? []} tierSuggestions={tierSuggestions} />
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => navigate('/schemes')}>{t('schemes.editor.cancel')}</Button>
          {saveButton}
        </Flex>
      </Flex>
      <JsonDrawer
        open={jsonOpen}
        onClose={() => setJsonOpen(false)}
        definition={definitionFromForm(form)}
        onApply={(definition) => change(schemeFormFromDefinition(definition, { code: form.code, subjectKind: form.subjectKind, name: typeof definition.name === 'string' ? definition.name : form.name }))}
      />
    </>
  );
}

function SchemeView({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const scheme = useScheme(id);
  const schemes = useSchemes();
  const categories = useCategories();
  const [jsonOpen, setJsonOpen] = useState(false);
  const form = useMemo(() => (scheme.data ? schemeFormFromScheme(scheme.data) : null), [scheme.data]);
  const knownCodes = useMemo(() => (categories.data ?? []).map((c) => c.code), [categories.data]);

  if (scheme.isLoading) return <Skeleton active />;
  if (scheme.isError || !scheme.data || !form) {
    const notFound = scheme.error instanceof ApiError && scheme.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('schemes.editor.notFound') : errorText(t, scheme.error)} action={<Link to="/schemes">{t('schemes.editor.back')}</Link>} />;
  }
  const data = scheme.data;
  const replaced = (schemes.data ?? []).find((s) => s.id === data.replacesId);
  const manages = can(me, 'scheme.manage');

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/schemes">{t('schemes.editor.back')}</Link> }, { title: `${data.code} · ${t('schemes.list.version', { version: data.version })}` }]} />
      <PageHeader
        title={data.name}
        subtitle={t('schemes.editor.viewSubtitle', { code: data.code, version: data.version, created: formatDate(data.createdAt) })}
        extra={
          <>
            <Button icon={<CodeOutlined />} onClick={() => setJsonOpen(true)} data-testid="scheme-json">
              JSON
            </Button>
            {manages ? (
              <Button type="primary" icon={<CopyOutlined />} onClick={() => navigate(`/schemes/new?from=${encodeURIComponent(String(data.id))}`)} data-testid="scheme-build-from">
                {t('schemes.editor.buildFromThis')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          title={
            <Flex gap={8} wrap align="center">
              <span>{t('schemes.editor.neverEdited', { next: nextVersionOf(schemes.data, data.code) })}</span>
            </Flex>
          }
          description={
            <Flex gap={8} wrap align="center">
              {data.periodCount > 0 ? <Tag color="green">{t('schemes.list.inUse', { count: data.periodCount })}</Tag> : <Tag>{t('schemes.list.notInUse')}</Tag>}
              {replaced ? (
                <Link to={`/schemes/${encodeURIComponent(String(replaced.id))}`}>
                  ← {t('schemes.list.version', { version: replaced.version })}
                </Link>
              ) : null}
            </Flex>
          }
        />
        <SchemeBuilder form={form} onChange={() => undefined} issues={[]} categories={weightCategories(form, knownCodes)} knownCategories={categories.data ?? []} readOnly />
      </Flex>
      <JsonDrawer open={jsonOpen} onClose={() => setJsonOpen(false)} definition={data.definition} readOnly />
    </>
  );
}

/**
 * `/schemes/new` (optionally `?from=<id>`: start from a copy, e.g. last year's) builds a scheme and
 * saves it as a new version; `/schemes/:schemeId` shows one version, read-only — schemes are never
 * edited, a period freezes the version it runs on (DESIGN §2.1).
 */
export default function SchemeEditorPage() {
  const { schemeId } = useParams();
  const [params] = useSearchParams();
  if (schemeId !== undefined) return <SchemeView key={schemeId} id={schemeId} />;
  const from = params.get('from');
  return <SchemeCreate key={from ?? 'new'} from={from} />;
}
