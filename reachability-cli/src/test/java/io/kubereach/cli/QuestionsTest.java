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
}
