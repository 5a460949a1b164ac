package io.kubereach.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What in a repository folder is not a Kubernetes manifest, although it is YAML or JSON: Helm
 * charts and values, kustomize configuration, compose files, CI and tool configuration. Such files
 * are stepped over with one note each, saying what to do instead where there is something to do.
 */
final class RepositoryFiles {
  private RepositoryFiles() {}

  /** Configuration files of common tools, by exact name (lower case). */
  private static final Set<String> TOOL_FILES =
      Set.of(
          "azure-pipelines.yml",
          "azure-pipelines.yaml",
          "bitbucket-pipelines.yml",
          "cloudbuild.yaml",
          "cloudbuild.yml",
          "appveyor.yml",
          "codecov.yml",
          "mkdocs.yml",
          "renovate.json",
          "package.json",
          "package-lock.json",
          "tsconfig.json",
          "composer.json",
          "skaffold.yaml",
          "tiltfile.yaml",
          "devfile.yaml",
          "pnpm-lock.yaml",
          "dependabot.yml",
          "goreleaser.yml",
          "goreleaser.yaml");

  /** Whether {@code dir} is a Helm chart (it holds a {@code Chart.yaml}). */
  static boolean isHelmChart(Path dir) {
    return Files.isRegularFile(dir.resolve("Chart.yaml"))
        || Files.isRegularFile(dir.resolve("Chart.yml"));
  }

  /** The note for a Helm chart folder, whose files are all stepped over. */
  static String chartNote(Path dir) {
    return "a Helm chart; its templates are manifests only once rendered, so it is skipped: run"
        + " helm template "
        + dir
        + " | kubereach list -";
  }

  /** Why a file is not a manifest, judged by its name; empty when it may be one. */
  static Optional<String> byName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith("values") && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
      return Optional.of("a Helm values file, not a manifest; skipped");
    }
    if (name.equals("kustomization.yaml") || name.equals("kustomization.yml")) {
      return Optional.of(
          "kustomize configuration, not a manifest; skipped. The other files of "
              + parent(file)
              + " are read as they are; for the overlays applied run kustomize build "
              + parent(file)
              + " | kubereach list -");
    }
    if (name.startsWith("docker-compose")
        || name.equals("compose.yaml")
        || name.equals("compose.yml")) {
      return Optional.of("a Compose file, not a manifest; skipped");
    }
    if (TOOL_FILES.contains(name) || name.endsWith(".gitlab-ci.yml")) {
      return Optional.of("tool or CI configuration, not a manifest; skipped");
    }
    return Optional.empty();
  }

  /** Why a file is not a manifest, judged by its text: an unrendered template. */
  static Optional<String> byText(String text) {
    return text.contains("{{")
        ? Optional.of(
            "an unrendered template ({{ … }}), not a manifest; skipped. Render it first, e.g."
                + " helm template <chart> | kubereach list -")
        : Optional.empty();
  }

  private static String parent(Path file) {
    Path parent = file.getParent();
    return parent == null ? "." : parent.toString();
  }
}
