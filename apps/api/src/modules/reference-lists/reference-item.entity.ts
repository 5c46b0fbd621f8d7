import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '@mih/contracts';

@Entity('reference_items')
export class ReferenceItemEntity {
  @PrimaryColumn() list!: string;
  @PrimaryColumn() code!: string;
  @Column({ type: 'jsonb' }) labels!: Record<Language, string>;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder!: number;
  @Column() active!: boolean;
}
