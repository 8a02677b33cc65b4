import { PropChecker } from '../core/configuration-error';
import { cidrProblem } from '../grammar/ip';
import { DNS1123_LABEL } from '../validation/names';
import { PeerPods } from './network-policies';

/** How a PeerPods prop is explained: fixes in its own terms, and whether nodes' networks mean anything for it. */
export interface PeerPodsWording {
  readonly namespaceFix: string;
  readonly podLabelsFix: string;
  /** Only an ingress controller sends from its nodes' addresses. */
  readonly nodeCidrsAllowed: boolean;
}

/** Records the problems of a PeerPods prop: its namespace name, a non-empty pod selector, and its nodes' networks. */
export function checkPeerPods(check: PropChecker, prop: string, peer: PeerPods, wording: PeerPodsWording): void {
  if (!DNS1123_LABEL.test(peer.namespace ?? '')) check.add(`${prop}.namespace`, peer.namespace, 'is not a namespace name', wording.namespaceFix);
  if (Object.keys(peer.podLabels ?? {}).length === 0) {
    check.add(`${prop}.podLabels`, peer.podLabels, 'is empty, which would admit every pod of the namespace', wording.podLabelsFix);
  }
  if (!wording.nodeCidrsAllowed && peer.nodeCidrs) {
    check.add(`${prop}.nodeCidrs`, peer.nodeCidrs, 'admits nothing here: only an ingress controller sends from its nodes', 'drop it');
    return;
  }
  (peer.nodeCidrs ?? []).forEach((cidr, i) => {
    if (cidrProblem(cidr)) check.add(`${prop}.nodeCidrs[${i}]`, cidr, 'is not a CIDR', "give the nodes' network, e.g. '192.168.10.0/24'");
  });
}
