/**
 * The audit log's detail column in words. Main records a compact machine detail
 * ("2026-11-01..2026-11-30 all file.csv", "rejected 6 of 30"); the admin reads a sentence.
 */
import type { MessageParams } from '../../common/i18n/translate';

type Translate = (key: string, params?: MessageParams) => string;

const exportDetail = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}) (\S+) (\S+)$/;
const importDetail = /^rejected (\d+) of (\d+)$/;
const summaryDetail = /^summary (\d{4}-\d{2}) (\S+)$/;

export const auditDetailText = (action: string, detail: string | null, t: Translate): string => {
  if (!detail) return '';
  const exported = action === 'export' ? exportDetail.exec(detail) : null;
  if (exported) {
    const [, from, to, activity, file] = exported;
    return t('screens.audit.export-detail', {
      from,
      to,
      activity: activity === 'all' ? t('screens.audit.all-activities') : t(`staff.ui.activity.${activity}`),
      file,
    });
  }
  const summary = action === 'export' ? summaryDetail.exec(detail) : null;
  if (summary) return t('summary-export.audit-detail', { month: summary[1], file: summary[2] });
  const imported = action === 'import' ? importDetail.exec(detail) : null;
  if (imported) return t('screens.audit.import-detail', { rejected: imported[1], total: imported[2] });
  return detail;
};
