/** Kubernetes and Calico policies as plain values: what synthesis produces, ingest reads and evaluation replays. */
package io.flowpol.inference.policy;
