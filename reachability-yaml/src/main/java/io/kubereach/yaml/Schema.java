package io.kubereach.yaml;

import io.kubereach.model.PolicyKind;
import io.kubereach.model.WorkloadKind;

/**
 * The keys of every mapping the loader reads, from the upstream Go types' JSON tags (the union over
 * Kubernetes 1.8–1.34, and network-policy-api v0.1.0–v0.2.0), so that {@code kubectl get -o yaml}
 * dumps load and a typo never does silently. Closed mappings hold exactly these keys; open ones
 * name what the loader reads there and the other upstream keys, so that only a near miss of a read
 * key is refused (see {@link Keys}).
 */
final class Schema {
  private Schema() {}

  /** apiVersion, kind, metadata, spec, status: every analysed object's top level. */
  static final Keys OBJECT = Keys.closed("an object", "apiVersion,kind,metadata,spec,status");

  /** A {@code List} or typed list ({@code PodList}). */
  static final Keys LIST = Keys.closed("a list", "apiVersion,kind,metadata,items");

  static final Keys OBJECT_META =
      Keys.closed(
          "metadata",
          "name,generateName,namespace,selfLink,uid,resourceVersion,generation,creationTimestamp,"
              + "deletionTimestamp,deletionGracePeriodSeconds,labels,annotations,ownerReferences,"
              + "finalizers,clusterName,initializers,managedFields");

  static final Keys OWNER_REFERENCE =
      Keys.closed("an owner reference", "apiVersion,kind,name,uid,controller,blockOwnerDeletion");

  static final Keys LABEL_SELECTOR =
      Keys.closed("a label selector", "matchLabels,matchExpressions");

  static final Keys LABEL_SELECTOR_REQUIREMENT =
      Keys.closed("a selector expression", "key,operator,values");

  static final Keys NETWORK_POLICY_SPEC =
      Keys.closed("a NetworkPolicy spec", "podSelector,ingress,egress,policyTypes");

  static final Keys NETWORK_POLICY_STATUS = Keys.closed("a NetworkPolicy status", "conditions");

  static final Keys NETWORK_POLICY_INGRESS_RULE =
      Keys.closed("a NetworkPolicy ingress rule", "ports,from");

  static final Keys NETWORK_POLICY_EGRESS_RULE =
      Keys.closed("a NetworkPolicy egress rule", "ports,to");

  static final Keys NETWORK_POLICY_PEER =
      Keys.closed("a NetworkPolicy peer", "podSelector,namespaceSelector,ipBlock");

  static final Keys IP_BLOCK = Keys.closed("an ipBlock", "cidr,except");

  static final Keys NETWORK_POLICY_PORT =
      Keys.closed("a NetworkPolicy port", "protocol,port,endPort");

  static final Keys CONTAINER_PORT =
      Keys.closed("a container port", "name,hostPort,containerPort,protocol,hostIP");

  static final Keys SERVICE_PORT =
      Keys.closed("a Service port", "name,protocol,port,targetPort,nodePort,appProtocol");

  static final Keys POD_TEMPLATE = Keys.closed("a pod template", "metadata,spec");

  static final Keys JOB_TEMPLATE = Keys.closed("a job template", "metadata,spec");

  static final Keys POD_IP = Keys.closed("a pod IP entry", "ip");

  static final Keys NODE_ADDRESS = Keys.closed("a node address", "type,address");

  static final Keys POD_SPEC =
      Keys.open(
          "a pod spec",
          "containers,hostNetwork",
          "volumes,initContainers,restartPolicy,terminationGracePeriodSeconds,"
              + "activeDeadlineSeconds,dnsPolicy,nodeSelector,serviceAccountName,serviceAccount,"
              + "automountServiceAccountToken,nodeName,hostPID,hostIPC,securityContext,"
              + "imagePullSecrets,hostname,subdomain,affinity,schedulerName,tolerations,hostAliases,"
              + "priorityClassName,priority,dnsConfig,shareProcessNamespace,readinessGates,"
              + "runtimeClassName,enableServiceLinks,preemptionPolicy,ephemeralContainers,overhead,"
              + "topologySpreadConstraints,setHostnameAsFQDN,os,hostUsers,schedulingGates,"
              + "resourceClaims,resources,hostnameOverride,workloadRef,schedulingGroup,"
              + "evictionResponders");

  static final Keys CONTAINER =
      Keys.open(
          "a container",
          "ports",
          "name,image,command,args,workingDir,envFrom,env,resources,volumeMounts,livenessProbe,"
              + "readinessProbe,lifecycle,terminationMessagePath,terminationMessagePolicy,"
              + "imagePullPolicy,securityContext,stdin,stdinOnce,tty,volumeDevices,startupProbe,"
              + "resizePolicy,restartPolicy,restartPolicyRules");

  static final Keys POD_STATUS =
      Keys.open(
          "a pod status",
          "podIP,podIPs",
          "phase,conditions,message,reason,hostIP,startTime,initContainerStatuses,"
              + "containerStatuses,qosClass,nominatedNodeName,ephemeralContainerStatuses,resize,"
              + "hostIPs,resourceClaimStatuses,observedGeneration,extendedResourceClaimStatus,"
              + "allocatedResources,resources,nodeAllocatableResourceClaimStatuses,volumeHealth");

  static final Keys SERVICE_SPEC =
      Keys.open(
          "a Service spec",
          "ports,selector,type,loadBalancerSourceRanges",
          "clusterIP,externalIPs,sessionAffinity,loadBalancerIP,externalName,"
              + "externalTrafficPolicy,healthCheckNodePort,publishNotReadyAddresses,"
              + "sessionAffinityConfig,ipFamily,topologyKeys,clusterIPs,ipFamilies,ipFamilyPolicy,"
              + "allocateLoadBalancerNodePorts,loadBalancerClass,internalTrafficPolicy,"
              + "trafficDistribution");

  static final Keys NODE_STATUS =
      Keys.open(
          "a node status",
          "addresses",
          "capacity,allocatable,phase,conditions,daemonEndpoints,nodeInfo,images,volumesInUse,"
              + "volumesAttached,config,runtimeHandlers,features,declaredFeatures");

  static final Keys NAMESPACE_SPEC = Keys.closed("a Namespace spec", "finalizers");

  private static final Keys DEPLOYMENT_SPEC =
      Keys.closed(
          "a Deployment spec",
          "replicas,selector,template,strategy,minReadySeconds,revisionHistoryLimit,paused,"
              + "progressDeadlineSeconds,rollbackTo");

  private static final Keys REPLICA_SET_SPEC =
      Keys.closed("a ReplicaSet spec", "replicas,minReadySeconds,selector,template");

  private static final Keys STATEFUL_SET_SPEC =
      Keys.closed(
          "a StatefulSet spec",
          "replicas,selector,template,volumeClaimTemplates,serviceName,podManagementPolicy,"
              + "updateStrategy,revisionHistoryLimit,minReadySeconds,"
              + "persistentVolumeClaimRetentionPolicy,ordinals");

  private static final Keys DAEMON_SET_SPEC =
      Keys.closed(
          "a DaemonSet spec",
          "selector,template,updateStrategy,minReadySeconds,revisionHistoryLimit,"
              + "templateGeneration");

  private static final Keys JOB_SPEC =
      Keys.closed(
          "a Job spec",
          "parallelism,completions,activeDeadlineSeconds,backoffLimit,selector,manualSelector,"
              + "template,ttlSecondsAfterFinished,completionMode,suspend,podFailurePolicy,"
              + "backoffLimitPerIndex,maxFailedIndexes,podReplacementPolicy,successPolicy,"
              + "managedBy,scheduling");

  private static final Keys CRON_JOB_SPEC =
      Keys.closed(
          "a CronJob spec",
          "schedule,startingDeadlineSeconds,concurrencyPolicy,suspend,jobTemplate,"
              + "successfulJobsHistoryLimit,failedJobsHistoryLimit,timeZone");

  private static final Keys REPLICATION_CONTROLLER_SPEC =
      Keys.closed("a ReplicationController spec", "replicas,minReadySeconds,selector,template");

  /** The spec of a workload kind. */
  static Keys workloadSpec(WorkloadKind kind) {
    return switch (kind) {
      case Deployment -> DEPLOYMENT_SPEC;
      case ReplicaSet -> REPLICA_SET_SPEC;
      case StatefulSet -> STATEFUL_SET_SPEC;
      case DaemonSet -> DAEMON_SET_SPEC;
      case Job -> JOB_SPEC;
      case CronJob -> CRON_JOB_SPEC;
      case ReplicationController -> REPLICATION_CONTROLLER_SPEC;
    };
  }

  // --- the tiered policies (T11) ---

  static final Keys TIERED_STATUS = Keys.closed("a policy status", "conditions");

  private static final Keys CNP_SPEC =
      Keys.closed("a ClusterNetworkPolicy spec", "tier,priority,subject,ingress,egress");

  private static final Keys ANP_SPEC =
      Keys.closed("an AdminNetworkPolicy spec", "priority,subject,ingress,egress");

  private static final Keys BANP_SPEC =
      Keys.closed("a BaselineAdminNetworkPolicy spec", "subject,ingress,egress");

  static final Keys TIERED_SUBJECT = Keys.closed("a subject", "namespaces,pods");

  static final Keys TIERED_PODS = Keys.closed("a pods selection", "namespaceSelector,podSelector");

  static final Keys TIERED_PROTOCOL = Keys.closed("a protocol entry", "destinationPort");

  static final Keys TIERED_DESTINATION_PORT = Keys.closed("a destinationPort", "number,range");

  static final Keys TIERED_RANGE = Keys.closed("a port range", "start,end");

  static final Keys V1ALPHA1_PORT_NUMBER = Keys.closed("a portNumber", "protocol,port");

  static final Keys V1ALPHA1_PORT_RANGE = Keys.closed("a portRange", "protocol,start,end");

  /** The spec of a tiered kind. */
  static Keys tieredSpec(PolicyKind kind) {
    return switch (kind) {
      case ClusterNetworkPolicy -> CNP_SPEC;
      case AdminNetworkPolicy -> ANP_SPEC;
      case BaselineAdminNetworkPolicy -> BANP_SPEC;
      case NetworkPolicy -> throw new IllegalArgumentException("not a tiered kind");
    };
  }

  /** A rule of a tiered kind: its peers are {@code from} or {@code to}, its ports per version. */
  static Keys tieredRule(PolicyKind kind, String direction) {
    String peers = direction.equals("ingress") ? "from" : "to";
    String ports = kind == PolicyKind.ClusterNetworkPolicy ? "protocols" : "ports";
    return Keys.closed("a " + direction + " rule", "name,action," + peers + "," + ports);
  }
}
