// What-if in JShell: load the bundled shop, drop one policy, see what reachability changes.
//
//   mvn -B -q package -DskipTests
//   jshell --class-path reachability-cli/target/kubereach.jar docs/whatif.jsh
//
// `mvn verify` runs this script and compares what it prints with docs/whatif.out.

import io.kubereach.*;
import io.kubereach.model.*;
import io.kubereach.yaml.*;
import java.nio.file.Path;

ClusterSnapshot shop = Manifests.load(Path.of("examples/shop")).cluster();
ReachabilityIndex index = Reachability.index(shop);
System.out.println(shop);

// Can the storefront call checkout's gRPC port? Why?
Verdict v = index.check(index.resolve("shop-frontend/storefront"), index.resolve("shop-backend/checkout"), Port.tcp(50051));
System.out.println(v.explanation());

// What if the backend's default-deny policy were deleted?
ClusterSnapshot open = shop.withoutPolicy("shop-backend", "default-deny");
ReachabilityDiff diff = Reachability.diff(shop, open);
System.out.println(diff);
diff.changes().forEach(System.out::println);

/exit diff.isEmpty() ? 1 : 0
