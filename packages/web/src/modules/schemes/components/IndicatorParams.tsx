import type { ReactNode } from 'react';
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { DIRECTIONS, VETO_EFFECTS, nextRowKey, type FormIssue, type IndicatorForm } from '../scheme-form.model';
import { num } from './BuilderParts';
import { Field } from './Field';

interface IndicatorParamsInput {
  t: TFunction;
  indicator: IndicatorForm;
  /** The indicator's row. */
  i: number;
  at: (path: string) => FormIssue[];
  readOnly?: boolean;
  setIndicator: (index: number, changes: Partial<IndicatorForm>) => void;
}

/** The fields of an indicator's method (target: direction, floor, cap; ledger: base and bounds; rating: rater groups …); null for a method without any. */
export function indicatorParamFields({ t, indicator, i, at, readOnly, setIndicator }: IndicatorParamsInput): ReactNode {
  const p = `indicators[${i}]`;
  const numberField = (key: 'cap' | 'floor' | 'minRatio' | 'step' | 'base' | 'min' | 'max', extra?: { min?: number; max?: number; step?: number; placeholder?: string }) => (
    <Field key={key} label={t(`schemes.field.${key}`)} issues={at(`${p}.${key}`)} readOnly={readOnly} display={indicator[key] ?? <Typography.Text type="secondary">{extra?.placeholder ?? '—'}</Typography.Text>} width={112}>
      <InputNumber
        value={indicator[key]}
        onChange={(v) => setIndicator(i, { [key]: num(v) })}
        min={extra?.min}
        max={extra?.max}
        step={extra?.step}
        placeholder={extra?.placeholder}
        style={{ width: '100%' }}
        status={at(`${p}.${key}`).length ? 'error' : undefined}
      />
    </Field>
  );
  const direction = (
    <Field key="direction" label={t('schemes.field.direction')} issues={at(`${p}.direction`)} readOnly={readOnly} display={t(`schemes.direction.${indicator.direction ?? 'higher'}`)} width={130}>
      <Select value={indicator.direction ?? 'higher'} onChange={(direction) => setIndicator(i, { direction })} options={DIRECTIONS.map((d) => ({ value: d, label: t(`schemes.direction.${d}`) }))} />
    </Field>
  );
  switch (indicator.method) {
    case 'target':
      return [direction, numberField('floor', { min: 0, placeholder: '0' }), numberField('cap', { min: 0, placeholder: '1' })];
    case 'rank':
      return [direction, numberField('minRatio', { min: 0, max: 1, placeholder: '0' }), numberField('step', { min: 0, placeholder: t('schemes.editor.optional') })];
    case 'ledger':
      return [
        numberField('base', { placeholder: indicator.extra ? '—' : String(indicator.weight ?? '') }),
        numberField('min', { placeholder: '0' }),
        numberField('max', { placeholder: indicator.extra ? '—' : String(indicator.weight ?? '') }),
      ];
    case 'veto':
      return (
        <Field label={t('schemes.field.effect')} issues={at(`${p}.effect`)} readOnly={readOnly} display={indicator.effect ? t(`schemes.effect.${indicator.effect}`) : '—'} width={200}>
          <Select value={indicator.effect} onChange={(effect) => setIndicator(i, { effect })} options={VETO_EFFECTS.map((e) => ({ value: e, label: t(`schemes.effect.${e}`) }))} status={at(`${p}.effect`).length ? 'error' : undefined} />
        </Field>
      );
    case 'rating':
      return (
        <Field
          label={t('schemes.field.raterGroups')}
          issues={at(`${p}.raterGroups`)}
          readOnly={readOnly}
          display={indicator.raterGroups.map((g) => `${g.group} × ${g.weight ?? '—'}`).join(' · ')}
          grow
        >
          <Flex vertical gap={6}>
            {indicator.raterGroups.map((group, g) => (
              <Flex key={group.key} gap={6} align="center">
                <Input
                  value={group.group}
                  placeholder={t('schemes.field.raterGroup')}
                  onChange={(e) => setIndicator(i, { raterGroups: indicator.raterGroups.map((x, k) => (k === g ? { ...x, group: e.target.value } : x)) })}
                  style={{ width: 130 }}
                  className="mono"
                />
                <InputNumber
                  value={group.weight}
                  min={0}
                  step={0.1}
                  placeholder={t('schemes.field.raterWeight')}
                  onChange={(v) => setIndicator(i, { raterGroups: indicator.raterGroups.map((x, k) => (k === g ? { ...x, weight: num(v) } : x)) })}
                  style={{ width: 96 }}
                />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setIndicator(i, { raterGroups: indicator.raterGroups.filter((_, k) => k !== g) })} aria-label={t('schemes.editor.remove')} />
              </Flex>
            ))}
            <div>
              <Button size="small" icon={<PlusOutlined />} onClick={() => setIndicator(i, { raterGroups: [...indicator.raterGroups, { key: nextRowKey('rg'), group: '', weight: null }] })}>
                {t('schemes.field.addRaterGroup')}
              </Button>
            </div>
          </Flex>
        </Field>
      );
    case 'periods':
      return null;
  }
}
