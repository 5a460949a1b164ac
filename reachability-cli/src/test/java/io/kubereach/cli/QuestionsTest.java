package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The questions users ask (docs/cli.md): Services as destinations, named ports, focus, aggregation.
 */
class QuestionsTest {

  private static String shop() {
    Path fromModule = Path.of("..", "examples", "shop");
    return (Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "shop")).toString();
  }

  @Test
  void aServiceIsAnsweredPerBackendOnTheTargetPort() {
    CliRun ok =
        CliRun.of(
            "eval",
            shop(),
            "-q",
            "-s",
            "shop-frontend/storefront",
            "-d",
            "shop-backend/cart[Service]",
            "-p",
            "50051");
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.out()).startsWith("allowed to 1 of 1 backends: ");
    CliRun denied =
        CliRun.of(
            "eval",
            shop(),
            "-q",
            "-s",
            "shop-frontend/assets",
            "-d",
            "shop-backend/cart[Service]",
            "-p",
            "50051");
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.out()).startsWith("denied to 0 of 1 backends: ");
    CliRun unknownPort =
        CliRun.of(
            "eval",
            shop(),
            "-q",
            "-s",
            "shop-frontend/storefront",
            "-d",
            "shop-backend/cart[Service]",
            "-p",
            "81");
    assertThat(unknownPort.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknownPort.err()).contains("has no port 81/TCP; its ports:");
    CliRun json =
        CliRun.of(
            "eval",
            shop(),
            "-q",
            "-s",
            "shop-frontend/storefront",
            "-d",
            "shop-backend/cart[Service]",
            "-p",
            "50051",
            "-o",
            "json");
    assertThat(json.out()).contains("\"backendsAllowed\":1").contains("\"targetPort\":50051");
  }

  @Test
  void aNamedPortResolvesOnTheDestination() {
    CliRun run =
        CliRun.of(
            "eval",
            shop(),
            "-q",
            "-s",
            "shop-backend/catalog",
            "-d",
            "shop-data/postgres",
            "-p",
            "pg");
    assertThat(run.out())
        .isEqualTo(
            "allowed: shop-backend/catalog[Deployment] => shop-data/postgres[StatefulSet] : TCP 5432\n");
    CliRun unknown =
        CliRun.of(
            "eval",
            shop(),
            "-q",
            "-s",
            "shop-backend/catalog",
            "-d",
            "shop-data/postgres",
            "-p",
            "mysql");
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("no container port named mysql/TCP");
  }

  @Test
  void focusByWorkloadPeerDirectionAndConnection() {
    CliRun in =
        CliRun.of(
            "list",
            shop(),
            "-q",
            "--focus-workload",
            "shop-data/postgres",
            "--focus-direction",
            "ingress");
    assertThat(in.lines()).hasSize(3).allMatch(l -> l.contains("=> shop-data/postgres"));
    CliRun peer =
        CliRun.of(
            "list",
            shop(),
            "-q",
            "--focus-workload",
            "storefront,cart",
            "--focus-workload-peer",
            "catalog");
    assertThat(peer.lines())
        .containsExactly(
            "shop-frontend/storefront[Deployment] => shop-backend/catalog[Deployment] : TCP 50051");
    CliRun conn = CliRun.of("list", shop(), "-q", "--focus-conn", "udp-53");
    assertThat(conn.lines()).isNotEmpty().allMatch(l -> l.endsWith(" : UDP 53"));
    CliRun typo =
        CliRun.of(
            "list", shop(), "-q", "--focus-workload-peer", "catalgo", "--focus-workload", "cart");
    assertThat(typo.exitCode()).isEqualTo(Main.BAD_INPUT);
    CliRun aggregated = CliRun.of("list", shop(), "-q", "--aggregate", "namespace");
    assertThat(aggregated.lines())
        .contains(
            "shop-backend/shop-backend[Namespace] => shop-data/shop-data[Namespace] : TCP 5432,6379");
  }

  @Test
  void anExplainedMapGivesEveryRangeWithItsRules() {
    CliRun run =
        CliRun.of(
            "list",
            shop(),
            "-q",
            "--explain",
            "--focus-workload",
            "shop-data/redis",
            "--focus-direction",
            "ingress");
    assertThat(run.out())
        .contains("shop-backend/cart[Deployment] => shop-data/redis[StatefulSet]:")
        .contains("  allowed TCP 6379")
        .contains("allowed by [shop-data/redis-clients rule 0]")
        .contains("  denied TCP 1-6378");
    CliRun allowOnly =
        CliRun.of(
            "list",
            shop(),
            "-q",
            "--explain-only",
            "allow",
            "--focus-workload",
            "shop-data/redis",
            "--focus-direction",
            "ingress");
    assertThat(allowOnly.out()).doesNotContain("denied");
    CliRun json = CliRun.of("list", shop(), "-q", "--explain", "-o", "json");
    assertThat(json.out()).startsWith("{\"schemaVersion\":1").contains("\"ranges\":[");
  }

  @Test
  void exposureNamesSelectorsBeyondTheInputAndUnprotectedWorkloads() {
    CliRun run = CliRun.of("list", shop(), "-q", "--exposure");
    assertThat(run.out())
        .contains(
            "[namespace with {tier=backend}]/[pod with {app=cart}] => shop-data/redis[StatefulSet]"
                + " : TCP redis  (shop-data/redis-clients ingress rule 0)")
        .doesNotContain("kubernetes.io/metadata.name=kube-system")
        .contains(
            "no policy protects (ingress): ingress-nginx/ingress-nginx-controller[DaemonSet],"
                + " kube-system/coredns[Deployment]");
  }

  @Test
  void verbosePrintsThePhases() {
    CliRun run = CliRun.of("list", shop(), "-v");
    assertThat(run.err())
        .containsPattern("phase load: 0 pods, 11 workloads, 10 services, 16 policies in [0-9,]+ ms")
        .containsPattern("phase index: 11 endpoints in [0-9,]+ ms")
        .containsPattern("phase list: 26 connections in [0-9,]+ ms");
  }
}
