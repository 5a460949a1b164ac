package io.kubereach;

import io.kubereach.model.PortSet;

/**
 * What the rules allow between analysis pods and address atoms, without the S11 self shortcut: the
 * one question that {@link ConnectionLister} asks of an evaluator. Pods of one class get the same
 * answers, so callers ask once per class.
 */
interface PairPorts {

  /** A class of pods that get the same answers; any pod of it can stand for it. */
  int classOf(int pod);

  /**
   * The destination classes that {@code sourceClass} may reach on some port, as words: a superset
   * is allowed (it only costs time), a subset is not.
   */
  long[] mayReach(int sourceClass);

  /**
   * Ports that the rules allow from a pod of {@code sourceClass} to a distinct pod of {@code
   * destinationClass}.
   */
  PortSet between(int sourceClass, int destinationClass);

  /** Ports allowed from a pod of {@code sourceClass} to the addresses of an IP atom. */
  PortSet toExternal(int sourceClass, int ipAtom);

  /** Ports allowed from the addresses of an IP atom to a pod of {@code destinationClass}. */
  PortSet fromExternal(int ipAtom, int destinationClass);
}
