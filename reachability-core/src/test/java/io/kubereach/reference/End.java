package io.kubereach.reference;

import inet.ipaddr.IPAddress;
import java.util.Optional;

/**
 * One end of a pair: a pod, or one external address.
 *
 * @param pod the pod, if the end is one
 * @param address the address, if the end is one
 */
record End(Optional<RefPod> pod, Optional<IPAddress> address) {}
