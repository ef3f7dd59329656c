import { useEffect, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Flex, Result, Select, Skeleton, Tooltip } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportCard } from '@baton/contract/report-cards';
import { isApiError } from '../../../api/client';
import { Chart } from '../../../shared/components/Chart';
import { errorText } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { gradeTone } from '../../../shared/grades';
import { idOf } from '../../../shared/params';
import { formatScore } from '../../../shared/scores';
import { FlagTags } from '../../../shared/components/FlagTags';
import { hasRole, useCurrentMe } from '../../auth/auth.api';
import { AppealPanel } from '../../appeals/components/AppealPanel';
import { explainSentence } from '../../results/explain-sentence';
import { reportCardsExportUrl, useReportCard } from '../report-cards.api';
import { buildTrendOption, explainText, groupIndicatorsBySection, totalExplainText } from '../report-cards.model';
import '../report-cards.css';

/**
 * 成绩单 (DESIGN §1 考用结合, §2.3 "every number explains itself"): one person's published result of a
 * period as a document — grade, total and group rank, section scores, every indicator with the
 * engine's explanation, the leaders' comments and the trend over the scheme's published periods.
 * Prints on A4 without the app around it; leaders, admin and auditor can export the unit's cards.
 * `/report-cards/me` opens the caller's own card; `?period=` picks the period (default: his latest).
 */
export default function ReportCardPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const { personId: personParam } = useParams();
  const [search, setSearch] = useSearchParams();
  // `/report-cards/me`: the caller's own card (a link for the menu that needs no person id).
  const personId = personParam === 'me' ? idOf(me.person ? String(me.person.id) : null) : idOf(personParam);
  const periodId = idOf(search.get('period'));
  const card = useReportCard(personId, periodId);
  const c = card.data;
  const oversees = hasRole(me, 'admin') || hasRole(me, 'leader') || hasRole(me, 'auditor');
  // 申诉 is about one's own result: the panel shows on one's own card only
  const ownCard = c !== undefined && me.person !== null && String(c.person.id) === String(me.person.id);

  // The browser's title names the PDF a user saves from the print dialog.
  useEffect(() => {
    if (!c) return;
    const previous = document.title;
    document.title = `${c.person.name}_${c.period.name}_${t('reportCards.title')}`;
    return () => {
      document.title = previous;
    };
  }, [c, t]);

  if (personId === null || (card.isError && isApiError(card.error) && card.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('reportCards.notFound')}
        subTitle={t('reportCards.notFoundText')}
        extra={<Button onClick={() => navigate(-1)}>{t('reportCards.back')}</Button>}
        data-testid="report-card-not-found"
      />
    );
  }
  if (card.isError) return <Result status="error" title={t('reportCards.loadError')} subTitle={errorText(t, card.error)} />;
  if (!c) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <div className="rc-page" data-testid="report-card-page">
      <Flex className="rc-toolbar rc-no-print" gap={8} wrap align="center" justify="space-between">
        <Select
          value={c.period.id}
          style={{ minWidth: 220, maxWidth: '100%' }}
          aria-label={t('reportCards.pickPeriod')}
          loading={card.isFetching}
          options={c.periods.map((p) => ({ value: p.id, label: `${p.name} · ${p.schemeName}` }))}
          onChange={(value) => setSearch({ period: String(value) }, { replace: false })}
          data-testid="report-card-period"
        />
        <Flex gap={8} wrap>
          {oversees ? (
            <Tooltip title={t('reportCards.exportUnitHint', { unit: c.unit.name })}>
              <Button icon={<FileExcelOutlined />} href={reportCardsExportUrl(c.period.id, c.unit.id)} download data-testid="report-card-export">
                {t('reportCards.exportUnit')}
              </Button>
            </Tooltip>
          ) : null}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-card-print">
            {t('reportCards.print')}
          </Button>
        </Flex>
      </Flex>
      {ownCard ? (
        <div className="rc-no-print rc-appeal">
          <AppealPanel
            period={{ id: c.period.id, name: c.period.name, state: c.period.state, publicityEndsOn: c.period.publicityEndsOn, resultVersion: c.period.version }}
            result={{ total: c.total, grade: c.grade }}
          />
        </div>
      ) : null}
      <ReportCardDocument card={c} />
    </div>
  );
}

function GradeBadge({ grade, grades }: { grade: string; grades: readonly string[] }) {
  // a grade not among the scheme's (should not happen) keeps the first tone, as before
  const tone = gradeTone(grade, grades) ?? 0;
  return (
    <span className={`rc-grade rc-grade-${tone}`} data-testid="report-card-grade">
      {grade}
    </span>
  );
}

function ReportCardDocument({ card }: { card: ReportCard }) {
  const { t } = useTranslation();
  const blocks = useMemo(() => groupIndicatorsBySection(card), [card]);
  const trendOption = useMemo(() => buildTrendOption(card.trend, card.period.id, formatScore), [card]);
  const indicatorNames = useMemo(() => new Map(card.indicators.map((i) => [i.id, i.name])), [card]);
  const sectionName = (id: string) => t(`reportCards.sectionNames.${id}` as never, { defaultValue: id }) as string;
  const state = card.period.state === 'publicity' || card.period.state === 'closed' ? t(`reportCards.states.${card.period.state}`) : card.period.state;

  return (
    <article className="rc-document" data-testid="report-card">
      <header className="rc-head">
        <h1 className="rc-title">{t('reportCards.documentTitle', { period: card.period.name })}</h1>
        <div className="rc-subtitle">
          {card.period.scheme.name} · {t('reportCards.range', { from: card.period.startsOn, to: card.period.endsOn })} · {state}
          {card.period.state === 'publicity' && card.period.publicityEndsOn ? ` · ${t('reportCards.publicityUntil', { date: card.period.publicityEndsOn })}` : ''}
        </div>
        <dl className="rc-identity">
          <div>
            <dt>{t('reportCards.name')}</dt>
            <dd data-testid="report-card-name">{card.person.name}</dd>
          </div>
          <div>
            <dt>{t('reportCards.employeeNo')}</dt>
            <dd>{card.person.employeeNo}</dd>
          </div>
          <div>
            <dt>{t('reportCards.unit')}</dt>
            <dd>{card.unit.name}</dd>
          </div>
          <div>
            <dt>{t('reportCards.period')}</dt>
            <dd>{card.period.name}</dd>
          </div>
        </dl>
        <div className="rc-summary">
          <div className="rc-stat">
            <div className="rc-stat-label">{t('reportCards.grade')}</div>
            <GradeBadge grade={card.grade} grades={card.grades} />
          </div>
          <div className="rc-stat">
            <div className="rc-stat-label">{t('reportCards.total')}</div>
            <div className="rc-stat-value" data-testid="report-card-total">{formatScore(card.total)}</div>
          </div>
          <div className="rc-stat">
            <div className="rc-stat-label">{t('reportCards.groupRank')}</div>
            <div className="rc-stat-value">
              {card.groupRank}
              <span style={{ fontSize: 14, fontWeight: 400 }}> / {card.groupSize}</span>
            </div>
            <div className="rc-stat-note">{t('reportCards.groupName', { group: card.group.name })}</div>
          </div>
        </div>
        {card.flags.length > 0 ? (
          <div className="rc-flags">
            <FlagTags flags={card.flags} names={indicatorNames} />
          </div>
        ) : null}
      </header>

      {card.sections.length > 1 ? (
        <section className="rc-section">
          <h2 className="rc-section-title">{t('reportCards.sections')}</h2>
          <div className="rc-sections">
            {card.sections.map((s) => (
              <div className="rc-stat" key={s.id}>
                <div className="rc-stat-label">
                  {sectionName(s.id)} · {t('reportCards.sectionWeight', { weight: formatScore(s.weight) })}
                </div>
                <div className="rc-stat-value">{formatScore(s.score)}</div>
              </div>
            ))}
          </div>
        </section>
      ) : null}

      <section className="rc-section">
        <h2 className="rc-section-title">{t('reportCards.indicators')}</h2>
        <table className="rc-table" data-testid="report-card-indicators">
          <thead>
            <tr>
              <th>{t('reportCards.indicator')}</th>
              <th className="rc-num">{t('reportCards.weight')}</th>
              <th className="rc-num rc-hide-narrow">{t('reportCards.raw')}</th>
              <th className="rc-num">{t('reportCards.score')}</th>
            </tr>
          </thead>
          {blocks.map((block) => (
            <tbody key={block.section?.id ?? '_extra'}>
              {blocks.length > 1 || block.section === null ? (
                <tr className="rc-block-row">
                  <th colSpan={4}>
                    {block.section ? `${sectionName(block.section.id)}（${t('reportCards.sectionWeight', { weight: formatScore(block.section.weight) })}）` : t('reportCards.extraSection')}
                    {block.section ? <span className="rc-block-score">{formatScore(block.section.score)}</span> : null}
                  </th>
                </tr>
              ) : null}
              {block.indicators.map((i) => (
                <tr key={i.id} data-testid={`report-card-indicator-${i.id}`}>
                  <td>
                    <span className="rc-ind-name">{i.name}</span>
                    {i.kind ? <span className="rc-ind-kind">{t(`reportCards.kinds.${i.kind}`)}</span> : null}
                    {i.method === 'veto' ? <span className="rc-ind-kind">{t('reportCards.veto')}</span> : null}
                    {i.explain ? <div className="rc-explain">{explainSentence(t, i.explain) ?? explainText(i)}</div> : null}
                  </td>
                  <td className="rc-num">{i.weight === null ? '—' : formatScore(i.weight)}</td>
                  <td className="rc-num rc-hide-narrow">{i.raw === null ? '—' : formatScore(i.raw)}</td>
                  <td className="rc-num">
                    {i.method === 'veto' ? (i.raw === 1 ? t('reportCards.vetoTriggered') : t('reportCards.vetoClear')) : formatScore(i.score)}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
        {card.totalExplain ? (
          <div className="rc-total-line">
            <strong>{t('reportCards.totalLine')}：</strong>
            <span className="rc-explain">{explainSentence(t, card.totalExplain) ?? totalExplainText(card.totalExplain)}</span>
          </div>
        ) : null}
      </section>

      <section className="rc-section">
        <h2 className="rc-section-title">{t('reportCards.comments')}</h2>
        {card.comments.length === 0 ? (
          <div className="rc-muted">{t('reportCards.noComments')}</div>
        ) : (
          <ul className="rc-comments" data-testid="report-card-comments">
            {card.comments.map((comment, index) => (
              <li className="rc-comment" key={`${comment.indicator.id}-${index}`}>
                <div className="rc-comment-meta">
                  <span>{t('reportCards.commentBy', { rater: comment.rater.name, indicator: comment.indicator.name, rating: formatScore(comment.rating) })}</span>
                  <span>{formatDate(comment.updatedAt)}</span>
                </div>
                {comment.task ? <div className="rc-muted">{t('reportCards.task', { task: comment.task })}</div> : null}
                <div className="rc-comment-text">{comment.comment}</div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rc-section rc-chart-block">
        <h2 className="rc-section-title">
          {t('reportCards.trend')}
          <span className="rc-section-hint">{t('reportCards.trendHint')}</span>
        </h2>
        {card.trend.length < 2 ? (
          <div className="rc-muted">{t('reportCards.trendOnlyOne')}</div>
        ) : (
          <div className="rc-chart">
            <Chart option={trendOption} height={240} testId="report-card-trend" />
          </div>
        )}
      </section>

      <div className="rc-signatures" aria-hidden>
        <span>{t('reportCards.signature')}</span>
        <span>{t('reportCards.signatureLeader')}</span>
        <span>{t('reportCards.signatureDate')}</span>
      </div>

      <footer className="rc-footer">
        <span>{card.period.version === null ? '' : t('reportCards.version', { version: card.period.version })}</span>
        <span className="rc-print-only">{t('reportCards.printedAt', { at: dayjs().format('YYYY-MM-DD HH:mm') })}</span>
      </footer>
    </article>
  );
}
