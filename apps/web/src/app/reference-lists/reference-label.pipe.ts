import { Pipe, type PipeTransform } from '@angular/core';
import type { ReferenceItem } from '@mih/contracts';
import { referenceLabel } from './reference-lists.service';

/** `{{ visit.profile | refLabel: lists().profiles }}`, or a list of codes joined: `{{ visit.topics | refLabel: lists().topics }}`. */
@Pipe({ name: 'refLabel' })
export class ReferenceLabelPipe implements PipeTransform {
  transform(code: string | readonly string[] | null | undefined, items: readonly ReferenceItem[]): string {
    if (Array.isArray(code)) return code.map((c) => referenceLabel(items, c)).join(', ');
    return referenceLabel(items, code as string | null | undefined);
  }
}
