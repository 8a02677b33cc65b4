import { undeclaredPortProblem } from '../../policy/probes';
import { containersOf, declaredPorts, namespaceOf } from '../model';
import { Rule } from '../rule';

/** Rules that Services route to pods that exist, on ports they declare. */
export const referenceRules: Rule[] = [
  {
    id: 'service-selects-nothing',
    severity: 'error',
    summary: 'A Service whose selector matches no workload has no endpoints.',
    check: (ctx) => ctx.services
      .filter((s) => s.spec?.selector && Object.keys(s.spec.selector).length > 0)
      .filter((s) => ctx.workloadsSelectedBy(namespaceOf(s), { matchLabels: s.spec.selector }).length === 0)
      .map((s) => ({
        manifest: s, field: 'spec.selector',
        message: `the selector ${JSON.stringify(s.spec.selector)} matches no workload's pods in namespace ${namespaceOf(s)}`,
        fix: 'use the pod template labels of the workload it fronts',
      })),
  },
  {
    id: 'service-target-port-missing',
    severity: 'error',
    summary: 'A Service targetPort that the selected pods do not declare routes nowhere.',
    check: (ctx) => ctx.services.flatMap((s) => {
      const workloads = ctx.workloadsSelectedBy(namespaceOf(s), { matchLabels: s.spec?.selector });
      return (s.spec?.ports ?? []).flatMap((port: any, i: number) => workloads.flatMap((w) => {
        const target = port.targetPort ?? port.port;
        const declared = containersOf(w).flatMap(({ container }) => declaredPorts(container));
        const problem = undeclaredPortProblem(target, declared);
        return problem ? [{
          manifest: s, field: `spec.ports[${i}].targetPort`,
          message: `targetPort ${JSON.stringify(target)} is not declared by ${w.kind} ${w.manifest.metadata?.name}: ${problem.replace(/^port \S+ /, '')}`,
          fix: 'target the container port by its name',
        }] : [];
      }));
    }),
  },
];
