package io.kubereach.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.testing.Oracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input of the shared oracle loads without error; kinds we do not analyse come back as
 * warnings, never as silence.
 */
class OracleLoadingTest {

  /** Kinds that appear in the oracle inputs and that the loader skips with a warning. */
  private static final Set<String> SKIPPED =
      Set.of(
          "Ingress",
          "Route",
          "ConfigMap",
          "ServiceAccount",
          "RoleBinding",
          "Role",
          "ClusterRole",
          "ClusterRoleBinding",
          "Secret",
          "PersistentVolumeClaim",
          "UserDefinedNetwork",
          "ClusterUserDefinedNetwork",
          "NetworkAttachmentDefinition",
          "VirtualMachine");

  /**
   * Oracle inputs with a container port the API server would reject: {@code containerport}
   * (lower-case p) is an unknown field for its strict decoder. netpol-analyzer reads field names
   * ignoring case. Strict loading refuses them with a suggestion; lenient loading warns and leaves
   * the port, which then has no number, out.
   */
  private static final Map<String, String> TYPO =
      Map.of(
          "netpol_named_port_test",
          "pods.yaml:32:11 Deployment helloworld/pod-a"
              + " spec.template.spec.containers[0].ports[1].containerport: unknown field"
              + " 'containerport' in a container port; did you mean 'containerPort'?",
          "netpol_named_port_test_2",
          "pods.yaml:32:11 Deployment helloworld/pod-a"
              + " spec.template.spec.containers[0].ports[1].containerport: unknown field"
              + " 'containerport' in a container port; did you mean 'containerPort'?");

  /** What lenient loading says next about the same port. */
  private static final String LEFT_OUT =
      "pods.yaml:31:11 Deployment helloworld/pod-a"
          + " spec.template.spec.containers[0].ports[1].containerPort: is required; port 'udps'"
          + " left out";

  @TestFactory
  Stream<DynamicTest> netpolAnalyzerInputsLoad() {
    return inputs("netpol-analyzer");
  }

  /**
   * The admin-tier inputs load as policies. Their v1alpha1 pods peers often leave out a selector
   * the CRD requires; it is read as {@code {}} with a warning (T5 in docs/semantics.md), as the
   * API's Go types decode it. One case puts a named port beside a networks peer in one rule, which
   * the CRD refuses: it loads leniently only, and says so (T7, T10).
   */
  @TestFactory
  Stream<DynamicTest> netpolAnalyzerAnpInputsLoadAsPolicyTiers() {
    return Oracle.cases("netpol-analyzer-anp").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Path input = dir.resolve("input");
                      boolean refused = dir.endsWith("anp_test_named_ports_multiple_peers");
                      if (refused) {
                        assertThatThrownBy(() -> Manifests.load(input))
                            .isInstanceOf(ManifestException.class)
                            .hasMessageContaining("a named port cannot be used with networks");
                      }
                      LoadResult loaded =
                          refused ? Manifests.lenient().load(input) : Manifests.load(input);
                      assertThat(loaded.warnings())
                          .filteredOn(w -> !SKIPPED.contains(w.kind()))
                          .extracting(Diagnostic::message)
                          .allSatisfy(
                              m ->
                                  assertThat(m)
                                      .matches(
                                          "is required by the CRD; read as \\{\\} .*|a named"
                                              + " port cannot be used with networks.*"));
                      assertThat(loaded.complete()).isEqualTo(!refused);
                      assertThat(loaded.cluster().clusterPolicies()).isNotEmpty();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> netpolAnalyzerIngressInputsLoadWithIngressAndRoutesAsWarnings() {
    return inputs("netpol-analyzer-ingress");
  }

  @TestFactory
  Stream<DynamicTest> k8sE2eClustersLoad() {
    return Oracle.cases("k8s-e2e").stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      LoadResult loaded = Manifests.load(dir.resolve("cluster.yaml"));
                      assertThat(loaded.warnings()).isEmpty();
                      assertThat(loaded.cluster().namespaces()).isNotEmpty();
                      assertThat(loaded.cluster().pods()).isNotEmpty();
                    }));
  }

  private static Stream<DynamicTest> inputs(String collection) {
    List<Path> cases = Oracle.cases(collection);
    return cases.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Path input = dir.resolve("input");
                      assertThat(input).isDirectory();
                      String typo = TYPO.get(dir.getFileName().toString());
                      List<String> expected = List.of();
                      LoadResult loaded;
                      if (typo == null) {
                        loaded = Manifests.load(input);
                      } else {
                        assertThatThrownBy(() -> Manifests.load(input))
                            .isInstanceOf(ManifestException.class)
                            .hasMessage(input + "/" + typo);
                        loaded = Manifests.lenient().load(input);
                        expected = List.of(input + "/" + typo, input + "/" + LEFT_OUT);
                      }
                      assertThat(loaded.warnings())
                          .filteredOn(w -> !SKIPPED.contains(w.kind()))
                          .extracting(Diagnostic::toString)
                          .containsExactlyElementsOf(expected);
                      assertThat(loaded.complete()).isEqualTo(typo == null);
                      assertThat(loaded.cluster().namespaces()).isNotEmpty();
                    }));
  }
}
