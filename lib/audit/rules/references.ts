import { undeclaredPortProblem } from '../../policy/probes';
import { asInt, asPort, at, objectsOf } from '../../grammar/json';
import { containersOf, namespaceOf, nameOf, serviceSelector } from '../model';
import { Rule } from '../rule';

/** Rules that Services route to pods that exist, on ports they declare. */
export const referenceRules: Rule[] = [
  {
    id: 'service-selects-nothing',
    severity: 'error',
    crossObject: true,
    summary: 'A Service whose selector matches no workload has no endpoints.',
    fix: 'use the pod template labels of the workload the Service fronts',
    check: (ctx) => ctx.services.flatMap((s) => {
      const selector = serviceSelector(s);
      if (!selector) return [];
      return ctx.selectedBy(s).length > 0 ? [] : [{
        manifest: s, field: 'spec.selector',
        message: `the selector ${JSON.stringify(selector.matchLabels)} matches no workload's pods in namespace ${namespaceOf(s)} of these manifests`,
        fix: 'use the pod template labels of the workload it fronts (or audit the workload together with it)',
      }];
    }),
  },
  {
    id: 'service-target-port-missing',
    severity: 'error',
    summary: 'A Service targetPort naming a port that the selected pods do not declare routes nowhere.',
    fix: 'target a port name the pods declare, or a port number',
    check: (ctx) => ctx.services.flatMap((s) => {
      const workloads = ctx.selectedBy(s);
      return objectsOf(at(s, 'spec', 'ports')).flatMap(({ item: port, index }) => workloads.flatMap((w) => {
        const target = asPort(port.targetPort) ?? asInt(port.port);
        // A number routes to that port whether or not the container declares it; only a name must resolve.
        if (typeof target !== 'string') return [];
        const declared = containersOf(w).flatMap((c) => c.ports);
        const problem = undeclaredPortProblem(target, declared);
        return problem ? [{
          manifest: s, field: `spec.ports[${index}].targetPort`,
          message: `targetPort ${JSON.stringify(target)} is not declared by ${w.kind} ${nameOf(w.manifest)}: ${problem.replace(/^port \S+ /, '')}`,
          fix: 'name the container port with that name, or target an existing port name',
        }] : [];
      }));
    }),
  },
];
