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
    // Kubernetes resolves a named targetPort pod by pod: pods that lack the name are left out of that
    // port's endpoints, the others serve. Only when no selected pod declares it is nothing routed.
    warningWhen: 'when some of the selected workloads declare the name, whose pods still serve',
    check: (ctx) => ctx.services.flatMap((s) => {
      const workloads = ctx.selectedBy(s);
      return objectsOf(at(s, 'spec', 'ports')).flatMap(({ item: port, index }) => {
        const target = asPort(port.targetPort) ?? asInt(port.port);
        // A number routes to that port whether or not the container declares it; only a name must resolve.
        if (typeof target !== 'string') return [];
        const missing = workloads.flatMap((w) => {
          const problem = undeclaredPortProblem(target, containersOf(w).flatMap((c) => c.ports));
          return problem ? [`${w.kind} ${nameOf(w.manifest)}: ${problem.replace(/^port \S+ /, '')}`] : [];
        });
        if (missing.length === 0) return [];
        const none = missing.length === workloads.length;
        return [{
          manifest: s, field: `spec.ports[${index}].targetPort`, severity: none ? undefined : 'warning' as const,
          message: none
            ? `targetPort ${JSON.stringify(target)} is declared by none of the selected pods, so the port routes nowhere (${missing.join('; ')})`
            : `targetPort ${JSON.stringify(target)} is not declared by some selected pods, which get no traffic on it (${missing.join('; ')})`,
          fix: 'name the container port with that name, or target an existing port name',
        }];
      });
    }),
  },
];
