// One-time links for providers without an account. The token (32 random bytes) is shown once, only its
// SHA-256 is stored; a new link revokes the earlier ones. An unknown, revoked, expired or used-up token
// (the referral is final) answers the same 404, and every use, good or bad, is audited with no actor.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AgeBand,
  ConsentPurpose,
  Language,
  Profile,
  PROVIDER_LINK_ACTIONS,
  PROVIDER_LINK_TTL_DAYS,
  ProviderLink,
  ProviderReferralView,
  REFERRAL_TRANSITIONS,
  ReferralStatus,
  ReferralUrgency,
  Sex,
} from '@mih/contracts';
import { ConflictException, NotFoundException } from '../../common/api-exception';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { ageBandOf } from '../visits/visits.service';
import { ProviderLinkRespondDto } from './dto/provider-link.dto';
import { isFinal } from './referral-state-machine';
import { ReferralTransitions } from './referral-transitions.service';
import { ReferralsReadService } from './referrals-read.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const LINKABLE_STATUSES: readonly ReferralStatus[] = ['approved', 'accepted'];

/** Why a token does not open a referral: for the audit trail only, never for the answer. */
type Refusal = 'unknown_token' | 'revoked' | 'expired' | 'used_up';

interface ValidLink {
  linkId: string;
  referralId: string;
  hubId: string;
}

interface ViewRow {
  id: string;
  status: ReferralStatus;
  need_category: string;
  urgency: ReferralUrgency;
  reason: string;
  due_on: string;
  version: number;
  code: string;
  sex: Sex;
  age_band: AgeBand | null;
  birth_year: number | null;
  date_of_birth: string | null;
  nationality: string;
  profile: Profile;
  consent_given: boolean;
  consent_purposes: ConsentPurpose[];
  given_name: string | null;
  family_name: string | null;
  phone: string | null;
  provider_name: string;
  languages: Language[];
  hub_name: string;
  hub_phone: string | null;
  hub_address: string | null;
  municipality: string;
  country_code: string;
  referred_by: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

@Injectable()
export class ProviderLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly read: ReferralsReadService,
    private readonly transitions: ReferralTransitions,
  ) {}

  /** A new link for an approved or accepted referral in the caller's scope; earlier links stop working. */
  async create(actor: Actor, referralId: string): Promise<ProviderLink> {
    const referral = await this.read.findInScope(actor, referralId);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PROVIDER_LINK_TTL_DAYS * DAY_MS);
    await this.dataSource.transaction(async (manager) => {
      // Locked, so two links created at once cannot both stay valid.
      const [current] = await manager.query('SELECT status FROM referrals WHERE id = $1 FOR UPDATE', [referralId]);
      if (!LINKABLE_STATUSES.includes(current.status)) {
        throw new ConflictException(`A provider link needs an approved or accepted referral; this one is ${current.status}`);
      }
      await manager.query('UPDATE provider_links SET revoked_at = now() WHERE referral_id = $1 AND revoked_at IS NULL', [referralId]);
      const [{ id }] = await manager.query(
        'INSERT INTO provider_links (referral_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
        [referralId, hashToken(token), expiresAt, actor.id],
      );
      await manager.query(`INSERT INTO referral_events (referral_id, kind, actor_id) VALUES ($1, 'provider_link', $2)`, [referralId, actor.id]);
      const details = { providerLinkId: id, expiresAt: expiresAt.toISOString() };
      await this.audit.record({ actor, action: 'create', entityType: 'provider_link', entityId: referralId, hubId: referral.hubId, details }, manager);
    });
    return { token, path: `/provider#${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** What the provider sees; audited with the identifying fields it showed (names, never values). */
  async view(token: string, ip: string | null): Promise<ProviderReferralView> {
    const link = await this.resolve(token, 'view', ip);
    const view = await this.buildView(link.referralId);
    const shared = [view.person.name && 'name', view.person.phone && 'phone'].filter(Boolean);
    await this.audit.record({
      actor: null,
      ip,
      action: 'read',
      entityType: 'referral',
      entityId: link.referralId,
      hubId: link.hubId,
      details: { viaProviderLink: true, providerLinkId: link.linkId, shared },
    });
    return view;
  }

  /** The provider's answer, through the same state machine as staff's (no actor, viaProviderLink). */
  async respond(dto: ProviderLinkRespondDto, ip: string | null): Promise<ProviderReferralView> {
    const link = await this.resolve(dto.token, 'respond', ip);
    await this.dataSource.transaction(async (manager) => {
      const [{ version }] = await manager.query('SELECT version FROM referrals WHERE id = $1', [link.referralId]);
      await this.transitions.apply(manager, link.referralId, {
        action: dto.action,
        version,
        comment: dto.comment ?? null,
        actor: null,
        providerLinkId: link.linkId,
        ip,
      });
    });
    return this.buildView(link.referralId);
  }

  /** The link behind a token, or the one generic 404 (the refusal and its reason are audited). */
  private async resolve(token: string, use: 'view' | 'respond', ip: string | null): Promise<ValidLink> {
    const [row] = (await this.dataSource.query(
      `SELECT l.id, l.referral_id, l.expires_at, l.revoked_at, r.status, r.hub_id
       FROM provider_links l JOIN referrals r ON r.id = l.referral_id WHERE l.token_hash = $1`,
      [hashToken(token)],
    )) as { id: string; referral_id: string; expires_at: Date; revoked_at: Date | null; status: ReferralStatus; hub_id: string }[];
    const refusal: Refusal | null = !row
      ? 'unknown_token'
      : row.revoked_at
        ? 'revoked'
        : row.expires_at.getTime() <= Date.now()
          ? 'expired'
          : isFinal(row.status)
            ? 'used_up'
            : null;
    if (refusal) {
      await this.audit.record({
        actor: null,
        ip,
        action: use === 'view' ? 'read' : 'update',
        entityType: 'provider_link',
        entityId: row?.referral_id ?? null,
        hubId: row?.hub_id ?? null,
        details: { use, refused: refusal, providerLinkId: row?.id },
      });
      throw new NotFoundException('Provider link');
    }
    return { linkId: row.id, referralId: row.referral_id, hubId: row.hub_id };
  }

  /** The minimum the referral shares: name and phone only when the person's consent covers referral. */
  private async buildView(referralId: string): Promise<ProviderReferralView> {
    const [r] = (await this.dataSource.query(
      `SELECT r.id, r.status, r.need_category, r.urgency, r.reason, r.due_on::text AS due_on, r.version,
              p.code, p.sex, p.age_band, p.birth_year, p.date_of_birth::text AS date_of_birth, p.nationality, p.profile,
              p.consent_given, p.consent_purposes, p.given_name, p.family_name, p.phone,
              sp.name AS provider_name, sp.languages,
              h.name AS hub_name, h.phone AS hub_phone, h.address AS hub_address, h.municipality, h.country_code,
              u.display_name AS referred_by
       FROM referrals r
       JOIN persons p ON p.id = r.person_id
       JOIN service_providers sp ON sp.id = r.service_provider_id
       JOIN hubs h ON h.id = r.hub_id
       JOIN users u ON u.id = r.created_by
       WHERE r.id = $1`,
      [referralId],
    )) as ViewRow[];
    const reachable = r.consent_given && r.consent_purposes.includes('referral');
    const name = [r.given_name, r.family_name].filter(Boolean).join(' ');
    return {
      referralId: r.id,
      status: r.status,
      needCategory: r.need_category,
      urgency: r.urgency,
      reason: r.reason,
      dueOn: r.due_on,
      language: r.languages[0] ?? 'es',
      person: {
        code: r.code,
        sex: r.sex,
        ageBand: ageBandOf({ dateOfBirth: r.date_of_birth, birthYear: r.birth_year, ageBand: r.age_band }, new Date()),
        nationality: r.nationality,
        profile: r.profile,
        name: reachable && name ? name : null,
        phone: reachable ? r.phone : null,
      },
      provider: { name: r.provider_name },
      hub: { name: r.hub_name, phone: r.hub_phone, address: r.hub_address, municipality: r.municipality, countryCode: r.country_code },
      referredBy: r.referred_by,
      allowedActions: isFinal(r.status) ? [] : PROVIDER_LINK_ACTIONS.filter((action) => REFERRAL_TRANSITIONS[action].from.includes(r.status)),
    };
  }
}
