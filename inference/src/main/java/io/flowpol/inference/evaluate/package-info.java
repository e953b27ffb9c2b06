/**
 * Replays connections against a policy set with Kubernetes and Calico semantics; knows
 * nothing about output formats (STYLE.md habit 4).
 */
package io.flowpol.inference.evaluate;
