package io.kubereach.model;

/**
 * A port as policies and services write it: a number, or the name of a container port that resolves
 * on the destination pod (S10, S14).
 */
public sealed interface PortRef permits PortRef.Number, PortRef.Name {

  /** A numeric port. */
  static PortRef of(int number) {
    return new Number(number);
  }

  /** A named port. */
  static PortRef of(String name) {
    return new Name(name);
  }

  /**
   * A port number.
   *
   * @param number 1..65535
   */
  record Number(int number) implements PortRef {
    /** Validates. */
    public Number {
      Port.checkNumber(number, "port");
    }

    @Override
    public String toString() {
      return Integer.toString(number);
    }
  }

  /**
   * A container port name.
   *
   * @param name the non-empty name
   */
  record Name(String name) implements PortRef {
    /** Validates. */
    public Name {
      Labels.requireName(name, "port name");
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
