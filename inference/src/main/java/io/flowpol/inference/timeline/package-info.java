/** The cluster over the learning window, as time-bounded spans of pods, nodes and addresses (DESIGN.md fact 6). */
package io.flowpol.inference.timeline;
