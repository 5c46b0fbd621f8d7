import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateServiceProviderRequest,
  Page,
  ServiceProvider,
  ServiceProviderListQuery,
  UpdateServiceProviderRequest,
} from '@mih/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/all-pages';
import { toHttpParams } from '../core/http-params';

const PROVIDERS = '/api/service-providers';

@Injectable({ providedIn: 'root' })
export class ServiceProvidersService {
  private readonly http = inject(HttpClient);

  /** One page of the directory, sorted by name. */
  list(query: ServiceProviderListQuery = {}): Observable<Page<ServiceProvider>> {
    // A false "accepting" filter would hide the accepting ones: only `true` is a filter here.
    const { acceptingReferrals, ...rest } = query;
    return this.http.get<Page<ServiceProvider>>(PROVIDERS, {
      params: toHttpParams({ ...rest, acceptingReferrals: acceptingReferrals || undefined }),
    });
  }

  /** Every provider matching the query (the referral form's picker). */
  listAll(query: Omit<ServiceProviderListQuery, 'cursor' | 'limit'> = {}): Observable<ServiceProvider[]> {
    return allPages((page) => this.list({ ...query, ...page }));
  }

  get(id: string): Observable<ServiceProvider> {
    return this.http.get<ServiceProvider>(url(id));
  }

  create(body: CreateServiceProviderRequest): Observable<ServiceProvider> {
    return this.http.post<ServiceProvider>(PROVIDERS, body);
  }

  update(id: string, body: UpdateServiceProviderRequest): Observable<ServiceProvider> {
    return this.http.patch<ServiceProvider>(url(id), body);
  }
}

function url(id: string): string {
  return `${PROVIDERS}/${encodeURIComponent(id)}`;
}
