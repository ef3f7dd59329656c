import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/params';
import { usePeopleSearch } from '../people.api';

export interface PickedPerson {
  id: Id;
  name: string;
}

/** Find a person of one's scope by name, pinyin, initials (zs → 张三) or employee number. */
export function PersonPicker({
  value,
  onChange,
  placeholder,
  style,
  allowClear = true,
}: {
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q);
  const options = useMemo(() => {
    const found = (people.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.name} · ${p.unitName}`, name: p.name }));
    if (value && !found.some((o) => o.value === String(value.id))) found.unshift({ value: String(value.id), label: value.name, name: value.name });
    return found;
  }, [people.data, value]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value ? String(value.id) : undefined}
      placeholder={placeholder ?? t('people.pickPerson')}
      options={options}
      loading={people.isFetching}
      notFoundContent={null}
      onChange={(v: string | undefined) => {
        const option = options.find((o) => o.value === v);
        onChange(option ? { id: /^\d+$/.test(option.value) ? Number(option.value) : option.value, name: option.name } : null);
        setQ('');
      }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...style }}
      data-testid="person-picker"
    />
  );
}
