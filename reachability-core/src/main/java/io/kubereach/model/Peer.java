package io.kubereach.model;

/**
 * One entry of a rule's {@code from} or {@code to}: pods chosen by selectors, or an IP block (S7).
 */
public sealed interface Peer permits PodPeer, IpBlockPeer {}
