/** Where each source of a figure lives in the web app, for links and the appendix. */
import type { SourceRef } from '../domain/prose/document.ts';

/** The web app address of a source: a report on its commitment's page, an indicator, a project … */
export function sourceHref(s: SourceRef, regionCode: string): string {
  switch (s.kind) {
    case 'report':
      return `/commitments/${s.commitmentId}#report-${s.id}`;
    case 'commitment':
      return `/commitments/${s.id}`;
    case 'commitments':
      return `/commitments?region=${regionCode}${s.id ? `&${s.id}` : ''}`;
    case 'indicator':
      return `/indicators?region=${regionCode}#indicator-${s.id}`;
    case 'project':
      return `/projects?region=${regionCode}#project-${s.id}`;
    case 'fact':
      return `/facts?region=${regionCode}#fact-${s.id}`;
    case 'honour':
      return `/honours?region=${regionCode}#honour-${s.id}`;
  }
}
