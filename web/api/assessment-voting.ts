import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ADMINISTRATION_EVENT, type VotingState } from '../../common/schemas/assessment-voting.ts';
import { assessmentKeys } from './assessments.ts';
import { api } from './client.ts';
import { useLiveTopic, type LiveMode } from './live.ts';

/** The live voting of an administration (server/routes/assessment-voting.ts). */

const base = '/api/assessments/administrations';
const EVENTS = [ADMINISTRATION_EVENT] as const;
const votingKey = (id: string) => ['assessments', 'voting', id] as const;

export const useVotingState = (id: string, enabled = true) =>
  useQuery({ queryKey: votingKey(id), queryFn: () => api<VotingState>('GET', `${base}/${id}/voting`), enabled });

function useVotingWrite<I>(id: string, fn: (input: I) => Promise<VotingState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => queryClient.setQueryData(votingKey(id), s),
    // A refusal (the item moved on, the votes were revealed meanwhile) means this screen is behind.
    onError: () => void queryClient.invalidateQueries({ queryKey: votingKey(id) }),
  });
}

export const useOpenItem = (id: string) =>
  useVotingWrite(id, (itemId: string) => api<VotingState>('POST', `${base}/${id}/items/${itemId}/open`, {}));
export const useVote = (id: string) =>
  useVotingWrite(id, ({ itemId, value }: { itemId: string; value: number }) =>
    api<VotingState>('PUT', `${base}/${id}/items/${itemId}/vote`, { value }),
  );
export const useReveal = (id: string) =>
  useVotingWrite(id, ({ itemId, force }: { itemId: string; force: boolean }) =>
    api<VotingState>('POST', `${base}/${id}/items/${itemId}/reveal`, { force }),
  );

/**
 * The voting state of an administration, kept current while the page is open: every live event
 * (`administration.changed`, its id the administration's revision) has the state read again, and
 * any change but a vote has the administration itself read again (scores, attendees, closing).
 * Events that arrive while a read is under way are not lost: once it lands, a state older than the
 * newest event heard is read once more.
 */
export function useAdministrationLive(id: string, enabled: boolean): { voting: ReturnType<typeof useVotingState>; mode: LiveMode } {
  const queryClient = useQueryClient();
  const voting = useVotingState(id, enabled);
  const [heard, setHeard] = useState(-1);
  const mode = useLiveTopic(
    enabled ? `${base}/${id}/live` : null,
    (e) => {
      const revision = Number(e.id);
      const kind = (e.data as { kind?: string } | null)?.kind;
      if (kind !== 'vote' && revision !== voting.data?.revision)
        void queryClient.invalidateQueries({ queryKey: assessmentKeys.administration(id) });
      setHeard((h) => Math.max(h, revision));
    },
    EVENTS,
  );
  const { data, isFetching, refetch } = voting;
  // One read per revision heard (a read that fails is not retried in a loop; the next event reads again).
  const asked = useRef(-1);
  useEffect(() => {
    if (!data || isFetching || heard <= data.revision || heard <= asked.current) return;
    asked.current = heard;
    void refetch();
  }, [heard, data, isFetching, refetch]);
  return { voting, mode };
}
