// A QR code drawn as one SVG path (crisp on paper at any size; no canvas, no inline HTML). The matrix
// comes from `uqr`; quiet zone of 4 modules as the QR standard asks.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { encode } from 'uqr';

/** The SVG path of the dark modules of a QR code for `text`, and the side of its square. */
export function qrPath(text: string): { path: string; size: number } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { path, size };
}

@Component({
  selector: 'mih-qr-code',
  template: `
    <svg
      [attr.viewBox]="'0 0 ' + qr().size + ' ' + qr().size"
      role="img"
      [attr.aria-label]="label()"
      shape-rendering="crispEdges"
    >
      <rect [attr.width]="qr().size" [attr.height]="qr().size" fill="#ffffff" />
      <path [attr.d]="qr().path" fill="#000000" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QrCodeComponent {
  readonly value = input.required<string>();
  /** What the code holds, for screen readers. */
  readonly label = input.required<string>();
  protected readonly qr = computed(() => qrPath(this.value()));
}
