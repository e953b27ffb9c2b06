/** flowpol templates module. */
package io.flowpol.templates;
