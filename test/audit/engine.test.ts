import { audit, formatAuditReport, ignoreAnnotation } from '../../lib/analysis';
import { shopWith } from './fixtures';

test('every violation is reported, with counts by severity', () => {
  const report = audit(shopWith((get) => {
    const c = get('Deployment').spec.template.spec.containers[0];
    c.image = 'shop';
    delete c.lifecycle;
    delete get('Deployment').spec.minReadySeconds;
  }));
  expect(report.violations.map((v) => v.ruleId)).toEqual(['prestop-missing', 'min-ready-seconds-zero', 'image-not-pinned']);
  expect(report.errors).toBe(2);
  expect(report.warnings).toBe(1);
});

test('a suppression without a reason, or for an unknown rule, suppresses nothing and is itself an error', () => {
  const report = audit(shopWith((get) => {
    get('Deployment').spec.template.spec.containers[0].image = 'shop';
    get('Deployment').metadata.annotations[ignoreAnnotation('image-not-pinned')] = ' ';
    get('Service').metadata.annotations = { [ignoreAnnotation('no-such-rule')]: 'because' };
  }));
  expect(report.violations.map((v) => [v.ruleId, v.object])).toEqual([
    ['suppression-invalid', 'Deployment shop/shop'],
    ['image-not-pinned', 'Deployment shop/shop'],
    ['suppression-invalid', 'Service shop/shop'],
  ]);
  expect(report.violations[2].message).toMatch(/names no known rule "no-such-rule"/);
  expect(report.suppressed).toEqual([]);
});

test('the text report lists each violation with its fix, the suppressions and the counts', () => {
  const report = audit(shopWith((get) => {
    get('Deployment').spec.template.spec.containers[0].image = 'shop';
    get('Deployment').metadata.annotations[ignoreAnnotation('min-ready-seconds-zero')] = 'batch traffic only';
    delete get('Deployment').spec.minReadySeconds;
  }), { sourceOf: () => 'shop.yaml' });
  const text = formatAuditReport(report);
  // The same text as the CLI's text format, without color, object count and plans.
  expect(text).toContain('Deployment shop/shop  shop.yaml\n  ERROR   image-not-pinned  spec.template.spec.containers[0].image\n          image "shop" has no tag');
  expect(text).toContain('          fix: pin a version tag or a digest');
  expect(text).toContain('suppressed by annotation:\n  min-ready-seconds-zero Deployment shop/shop: batch traffic only');
  expect(text).toMatch(/audit: 1 error\(s\), 0 warning\(s\), 1 suppressed$/);
});
