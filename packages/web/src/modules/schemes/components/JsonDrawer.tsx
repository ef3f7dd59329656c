import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import type { FormIssue } from '../scheme-form.model';
import { parseDefinitionJson } from '../scheme-definition.model';
import { checkDefinitionWithEngine } from '../scheme-checks.model';

interface JsonDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The definition the drawer opens with (the form's current state). */
  definition: unknown;
  readOnly?: boolean;
  /** Applies an edited definition to the form. */
  onApply?: (definition: Record<string, unknown>) => void;
}

/** 高级：JSON — the engine's scheme object as text, the secondary way to build a scheme (paste last year's, edit in bulk). */
export function JsonDrawer({ open, onClose, definition, readOnly, onApply }: JsonDrawerProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [engineIssues, setEngineIssues] = useState<FormIssue[]>([]);
  const [applied, setApplied] = useState(false);

  const apply = () => {
    const parsed = parseDefinitionJson(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    // the engine's own paths (scheme.…) name what the form will drop or must fix
    setEngineIssues(checkDefinitionWithEngine(parsed.definition));
    onApply?.(parsed.definition);
    setApplied(true);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('schemes.editor.json')}
      size={isMobile ? '100%' : 640}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          setText(JSON.stringify(definition, null, 2));
          setProblem(null);
          setEngineIssues([]);
          setApplied(false);
        }
      }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('schemes.editor.close')}</Button>
          {!readOnly ? (
            <Button type="primary" onClick={apply} data-testid="json-apply">
              {t('schemes.editor.jsonApply')}
            </Button>
          ) : null}
        </Flex>
      }
      data-testid="json-drawer"
    >
      <Flex vertical gap={10}>
        {!readOnly ? <Typography.Text type="secondary">{t('schemes.editor.jsonHelp')}</Typography.Text> : null}
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setApplied(false);
          }}
          readOnly={readOnly}
          spellCheck={false}
          autoSize={{ minRows: 18, maxRows: 40 }}
          className="mono"
          data-testid="json-text"
        />
        {problem ? <Alert type="error" showIcon title={t('schemes.editor.jsonInvalid', { message: problem })} /> : null}
        {applied && !problem ? <Alert type="success" showIcon title={t('schemes.editor.jsonApplied')} /> : null}
        {engineIssues.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('schemes.editor.jsonIssues')}
            description={
              <Flex vertical gap={2}>
                {engineIssues.map((issue, i) => (
                  <Typography.Text key={i} style={{ fontSize: 12 }}>
                    <span className="mono">{issue.path}</span>: {issue.message}
                  </Typography.Text>
                ))}
              </Flex>
            }
          />
        ) : null}
      </Flex>
    </Drawer>
  );
}
