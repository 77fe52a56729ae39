import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonPlacements } from '../../../common/schemas/placements.ts';
import { isApiError } from '../../api/client.ts';
import { usePlaceOnStep } from '../../api/placements.ts';
import { todayIso } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { refusalText } from './refusal.ts';
import { StepSelect } from './StepSelect.tsx';

/** Places a person on a step from a date; their current placement ends the day before. */
export function PlaceOnStepModal({
  personId,
  placements,
  onClose,
}: {
  personId: string;
  placements: PersonPlacements;
  onClose: () => void;
}) {
  const { t } = useTranslation('pathways');
  const place = usePlaceOnStep(personId);
  const [stepId, setStepId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ step?: string; start?: string }>({});
  const current = placements.current;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      step: stepId ? undefined : t('placement.required'),
      start: !startDate ? t('placement.required') : current && startDate <= current.startDate ? t('placement.startAfter') : undefined,
    };
    setErrors(next);
    if (next.step || next.start) return;
    place.mutate(
      { stepId: stepId!, startDate, note: note.trim() || null, currentPlacementId: current?.id ?? null },
      { onSuccess: onClose },
    );
  };
  const refusal = refusalText(t, place.error);

  return (
    <AppModal opened onClose={onClose} title={t('placement.placeTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {refusal ? (
            <Alert color="red" role="alert">
              {refusal}
            </Alert>
          ) : isApiError(place.error, 'conflict') ? (
            <Alert color="yellow" role="alert">
              {t('placement.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={place.error} />
          )}
          <StepSelect value={stepId} onChange={setStepId} error={errors.step} />
          <TextInput
            type="date"
            label={t('placement.startDate')}
            required
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
            error={errors.start}
          />
          <Textarea
            label={t('placement.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('placement.cancel')}
            </Button>
            <Button type="submit" loading={place.isPending}>
              {t('placement.place')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
