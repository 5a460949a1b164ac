/**
 * The cluster as the analysis sees it: the analysis pods (every pod, one template per workload),
 * the namespace labels (S8), the endpoints at workload and pod granularity and what each stands for
 * (S15), reading endpoints as users write them, and the hostNetwork caveats (S13). Rules are in
 * docs/semantics.md. Internal: not exported by the module.
 */
package io.kubereach.internal.topology;
