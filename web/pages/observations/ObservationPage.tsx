import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { Observation } from '../../../common/schemas/observations.ts';
import { isApiError } from '../../api/client.ts';
import { useObservation } from '../../api/observations.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { CaptureView } from './CaptureView.tsx';
import { contentOf, sameContent, type DraftContent } from './content.ts';
import { browserStorage, readLocalDraft, startingPoint } from './draft-store.ts';
import { useQueuedDrafts } from './queue.ts';
import { ReadView } from './ReadView.tsx';
import './observations.css';

/** Which copy a draft starts from: the server's, or this device's newer one (read once per load). */
function useStart(o: Observation | undefined, userId: string) {
  const id = o?.id;
  const version = o?.version;
  return useMemo(() => {
    if (!o || o.status !== 'draft' || !o.abilities.edit) return null;
    const local = readLocalDraft<DraftContent>(browserStorage(), userId, o.id);
    return startingPoint(o.version, local, (c) => sameContent(c, contentOf(o)));
    // Decided when the draft arrives (and again only if another draft or version is loaded).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, version, userId]);
}

/** An observation: capture mode for the observer's draft, read mode once published. */
export default function ObservationPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useObservation(id);
  const o = query.data;
  const start = useStart(o, me.id);
  useQueuedDrafts(me.id, id);
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!o) return <Loading />;
  if (o.status === 'draft' && start) return <CaptureView key={o.id} observation={o} userId={me.id} start={start} />;
  return <ReadView key={`${o.id}.${o.revision}`} o={o} userId={me.id} />;
}
