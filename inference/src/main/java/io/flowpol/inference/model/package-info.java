/** Plain values shared by every stage: addresses, flow-record cursor, edges, findings. */
package io.flowpol.inference.model;
