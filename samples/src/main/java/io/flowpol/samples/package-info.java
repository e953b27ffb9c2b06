/** flowpol samples module. */
package io.flowpol.samples;
