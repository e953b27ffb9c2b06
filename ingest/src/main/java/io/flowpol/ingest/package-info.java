/** flowpol ingest module. */
package io.flowpol.ingest;
