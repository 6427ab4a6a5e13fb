import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../shared/domain/caseload';
import {
  inLanguage,
  recordCheckSchema,
  type Decision,
  type EligibilityCheck,
  type EligibilityService,
} from '../../../../shared/domain/eligibility';
import { invoke } from '../../api';
import * as clock from '../../clock';
import { DateField } from '../../components/DateField/DateField';
import { FormAlert } from '../../components/FormAlert/FormAlert';
import { ModalForm } from '../../components/ModalForm/ModalForm';
import { schemaValidator } from '../../errors';
import { formatDate } from '../../format';
import { useChannel } from '../../useChannel';
import { useSubmit } from '../../useSubmit';

/**
 * Whether a client qualifies for the charity's services: each check, criterion by criterion with
 * its evidence, the decision and when to check again; the latest for each service is the current one.
 */
export function EligibilityTab({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: checks, error, replace } = useChannel('eligibility.forClient', { clientId });
  const services = useChannel('eligibility.services', {}).data;
  const [recording, setRecording] = useState(false);
  if (error) return <FormAlert message={error} />;
  if (!checks || !services) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      {services.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('eligibility.noServices')}
        </Alert>
      ) : (
        <Button w="fit-content" onClick={() => setRecording(true)}>
          {t('eligibility.record')}
        </Button>
      )}
      {checks.length === 0 && <Text c="dimmed">{t('eligibility.none')}</Text>}
      {checks.map((c) => (
        <Paper
          key={c.id}
          withBorder
          p="md"
          component="article"
          aria-label={`${inLanguage(c.serviceName, c.serviceNamePl, lang)}, ${formatDate(c.checkedOn, lang)}`}
          style={{ opacity: c.current ? 1 : 0.8 }}
        >
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={700}>{inLanguage(c.serviceName, c.serviceNamePl, lang)}</Text>
              <Text size="sm" c="dimmed">
                {t('eligibility.decidedBy', { name: c.decidedByName ?? '', date: formatDate(c.checkedOn, lang) })}
                {c.recheckOn ? ` · ${t('eligibility.recheckLine', { date: formatDate(c.recheckOn, lang) })}` : ''}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge color={c.decision === 'eligible' ? 'green' : 'red'} variant="light">
                {t(`eligibility.decisions.${c.decision}`)}
              </Badge>
              <Badge color="gray" variant="outline">
                {c.current
                  ? t('eligibility.current')
                  : c.recheckOn && c.recheckOn <= clock.today() && checks.find((x) => x.serviceId === c.serviceId) === c
                    ? t('eligibility.due')
                    : t('eligibility.superseded')}
              </Badge>
            </Group>
          </Group>
          <Table mt="sm" verticalSpacing={4}>
            <Table.Tbody>
              {c.answers.map((a, i) => (
                <Table.Tr key={i}>
                  <Table.Td w="50%">{inLanguage(a.text, a.textPl, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={a.met ? 'green.8' : 'red.8'} fw={600} component="span">
                      {a.met ? t('eligibility.met') : t('eligibility.notMet')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{[a.documentTitle, a.evidence].filter(Boolean).join(' · ')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {c.note && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-line' }}>
              {c.note}
            </Text>
          )}
        </Paper>
      ))}
      {recording && (
        <RecordCheckModal
          clientId={clientId}
          services={services}
          onClose={() => setRecording(false)}
          onSaved={(list) => {
            replace(list);
            setRecording(false);
            notifications.show({ color: 'green', message: t('eligibility.saved') });
          }}
        />
      )}
    </Stack>
  );
}

interface AnswerDraft {
  met: 'yes' | 'no' | '';
  documentId: string;
  evidence: string;
}

function RecordCheckModal({
  clientId,
  services,
  onClose,
  onSaved,
}: {
  clientId: number;
  services: EligibilityService[];
  onClose: () => void;
  onSaved: (list: EligibilityCheck[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { busy, error, submit } = useSubmit();
  const documents = useChannel('documents.forClient', { clientId }).data?.items ?? [];
  const [serviceId, setServiceId] = useState<string>(services.length === 1 ? String(services[0]!.id) : '');
  const service = services.find((s) => String(s.id) === serviceId) ?? null;
  const [checkedOn, setCheckedOn] = useState(clock.today());
  const [answers, setAnswers] = useState<Record<number, AnswerDraft>>({});
  const [decision, setDecision] = useState<Decision | ''>('');
  const [recheckOn, setRecheckOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const suggestedRecheck = service?.recheckMonths && checkedOn ? addMonths(checkedOn, service.recheckMonths) : '';
  const answerOf = (id: number): AnswerDraft => answers[id] ?? { met: '', documentId: '', evidence: '' };
  const setAnswer = (id: number, change: Partial<AnswerDraft>) => {
    setAnswers((a) => ({ ...a, [id]: { ...answerOf(id), ...change } }));
    setErrors({});
  };
  const someNotMet = service?.criteria.some((c) => answerOf(c.id).met === 'no') ?? false;

  const input = () => ({
    clientId,
    serviceId: service?.id ?? 0,
    checkedOn,
    answers: (service?.criteria ?? []).map((c) => {
      const a = answerOf(c.id);
      return {
        criterionId: c.id,
        met: a.met === '' ? (undefined as unknown as boolean) : a.met === 'yes',
        documentId: a.documentId ? Number(a.documentId) : null,
        evidence: a.evidence,
      };
    }),
    decision: (decision || undefined) as Decision,
    recheckOn: recheckOn ?? suggestedRecheck,
    note,
  });
  const save = (e?: { preventDefault(): void }) => {
    e?.preventDefault();
    const local = schemaValidator(recordCheckSchema, t)(input());
    if (!service) local['serviceId'] = t('validation.required');
    setErrors(local);
    if (Object.keys(local).length) return;
    void submit(() => invoke('eligibility.record', input()), { form: { setErrors }, onOk: onSaved });
  };
  return (
    <ModalForm
      opened
      title={t('eligibility.recordTitle')}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('eligibility.service')}
          required
          data-autofocus
          data={services.map((s) => ({ value: String(s.id), label: inLanguage(s.name, s.namePl, lang) }))}
          value={serviceId || null}
          onChange={(v) => {
            setServiceId(v ?? '');
            setAnswers({});
            setRecheckOn(null);
          }}
          error={errors['serviceId']}
        />
        <DateField
          label={t('eligibility.checkedOn')}
          required
          max={clock.today()}
          value={checkedOn}
          onChange={setCheckedOn}
          error={errors['checkedOn']}
        />
      </SimpleGrid>
      {service?.criteria.map((c, i) => {
        const a = answerOf(c.id);
        const text = inLanguage(c.text, c.textPl, lang);
        return (
          <Paper key={c.id} withBorder p="sm" component="fieldset" aria-label={text} style={{ margin: 0 }}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm">
                  {text}
                </Text>
                <SegmentedControl
                  aria-label={text}
                  value={a.met}
                  onChange={(v) => setAnswer(c.id, { met: v as AnswerDraft['met'] })}
                  data={[
                    { value: 'yes', label: t('eligibility.met') },
                    { value: 'no', label: t('eligibility.notMet') },
                  ]}
                />
              </Group>
              {errors[`answers.${i}.met`] && (
                <Text size="xs" c="red" role="alert">
                  {errors[`answers.${i}.met`]}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('eligibility.evidenceDocument')}
                  placeholder={t('eligibility.noDocument')}
                  clearable
                  data={documents.map((d) => ({
                    value: String(d.id),
                    label: `${d.title} (${t(`documents.kinds.${d.kind}`)})`,
                  }))}
                  value={a.documentId || null}
                  onChange={(v) => setAnswer(c.id, { documentId: v ?? '' })}
                />
                <TextInput
                  label={t('eligibility.evidence')}
                  value={a.evidence}
                  maxLength={500}
                  onChange={(e) => setAnswer(c.id, { evidence: e.currentTarget.value })}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      {service && (
        <>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('eligibility.decision')}
            </Text>
            <SegmentedControl
              aria-label={t('eligibility.decision')}
              value={decision}
              onChange={(v) => {
                setDecision(v as Decision);
                setErrors({});
              }}
              data={[
                { value: 'eligible', label: t('eligibility.decisions.eligible') },
                { value: 'notEligible', label: t('eligibility.decisions.notEligible') },
              ]}
              w="fit-content"
            />
          </Stack>
          {errors['decision'] && (
            <Text size="xs" c="red" role="alert">
              {errors['decision']}
            </Text>
          )}
          {decision === 'eligible' && someNotMet && (
            <Alert color="orange" variant="light">
              {t('eligibility.decisionDiffers')}
            </Alert>
          )}
          <DateField
            label={t('eligibility.recheckOn')}
            description={t('eligibility.recheckHint')}
            value={recheckOn ?? suggestedRecheck}
            onChange={setRecheckOn}
            error={errors['recheckOn']}
            w={280}
          />
          <Textarea
            label={t('eligibility.note')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors['note']}
          />
        </>
      )}
    </ModalForm>
  );
}
