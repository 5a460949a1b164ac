package io.kubereach.internal.query;

import io.kubereach.Caveat;
import io.kubereach.ResolvedEndpoint;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.model.Endpoint;
import java.util.List;

/**
 * A {@link ResolvedEndpoint} of one index: its members, the class of a single pod (-1 otherwise),
 * and its hostNetwork caveats (S13), all found once.
 *
 * @param owner the index that made it
 * @param endpoint the endpoint
 * @param members what it stands for
 * @param singleClass the class of its one pod, or -1 for several pods or addresses
 * @param singlePod the index of its one pod, or -1
 * @param caveats its hostNetwork caveats
 */
record Handle(
    EngineIndex owner,
    Endpoint endpoint,
    EndpointMembers members,
    int singleClass,
    int singlePod,
    List<Caveat> caveats)
    implements ResolvedEndpoint {}
