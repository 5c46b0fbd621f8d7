// Identifying columns are null unless consent_given (a CHECK enforces it); search_text is written by
// PersonsService on every change and never read back.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AgeBand, ConsentPurpose, Language, Profile, Sex } from '@mih/contracts';

@Entity('persons')
export class PersonEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'hub_id', type: 'uuid' }) hubId!: string;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ type: 'varchar' }) sex!: Sex;
  @Column({ type: 'char', length: 2 }) nationality!: string;
  @Column({ type: 'varchar' }) profile!: Profile;
  @Column({ name: 'birth_year', type: 'integer', nullable: true }) birthYear!: number | null;
  @Column({ name: 'age_band', type: 'varchar', nullable: true }) ageBand!: AgeBand | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) vulnerabilities!: string[];
  @Column({ name: 'consent_given', default: false }) consentGiven!: boolean;
  @Column({ name: 'consent_purposes', type: 'text', array: true, default: () => "'{}'" }) consentPurposes!: ConsentPurpose[];
  @Column({ name: 'consent_date', type: 'date', nullable: true }) consentDate!: string | null;
  @Column({ name: 'given_name', type: 'varchar', nullable: true }) givenName!: string | null;
  @Column({ name: 'family_name', type: 'varchar', nullable: true }) familyName!: string | null;
  @Column({ name: 'date_of_birth', type: 'date', nullable: true }) dateOfBirth!: string | null;
  @Column({ name: 'document_number', type: 'varchar', nullable: true }) documentNumber!: string | null;
  @Column({ type: 'varchar', nullable: true }) phone!: string | null;
  @Column({ name: 'search_text', type: 'text', select: false, insert: false, update: false }) searchText!: string;
  @Column({ name: 'preferred_language', type: 'varchar', nullable: true }) preferredLanguage!: Language | null;
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @VersionColumn() version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
