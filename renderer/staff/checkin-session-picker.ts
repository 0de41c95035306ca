import type { ActivityType, Session } from '../../common/ipc/contract-attendance';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { activityKey } from './labels';
import type { StaffContext } from './staff-context';
import { whileConnected } from './staff-text';

/** The check-in's session choice: the latest sessions, newest first, one of them selected. */
export const createSessionPicker = (
  ctx: StaffContext,
  options: { onSelect: (sessionId: string) => Promise<void>; onError: (error: unknown) => void },
) => {
  const select = h('select', { id: 'checkin-session' });
  let sessions: Session[] = [];
  let sessionId = '';

  const renderOptions = () => {
    select.replaceChildren(
      ...sessions.map((session) => {
        const option = h('option', { value: session.id });
        option.textContent = `${session.date} ${session.startTime} · ${t(activityKey(session.activityType))} · ${session.facilitator}`;
        return option;
      }),
    );
    select.value = sessionId;
  };
  whileConnected(select, renderOptions);

  const choose = async (id: string) => {
    sessionId = id;
    select.value = id;
    await options.onSelect(id);
  };
  select.addEventListener('change', () => void choose(select.value));

  return {
    select,
    sessionId: () => sessionId,
    activity: (): ActivityType | undefined =>
      sessions.find((session) => session.id === sessionId)?.activityType,
    /** Reloads the list and selects `wanted` (or keeps the current one, or the newest). */
    async load(wanted?: string): Promise<{ count: number }> {
      try {
        sessions = (await ctx.call('sessions.list', { limit: 50 })).sessions;
      } catch (error) {
        options.onError(error);
        return { count: sessions.length };
      }
      const keep = wanted ?? (sessions.some((s) => s.id === sessionId) ? sessionId : (sessions[0]?.id ?? ''));
      sessionId = keep;
      renderOptions();
      await choose(keep);
      return { count: sessions.length };
    },
  };
};
