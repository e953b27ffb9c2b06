/**
 * Calico semantics for the policy engine: the selector expression language
 * ({@link io.flowpol.inference.evaluate.calico.CalicoSelector}) and rule matching
 * ({@link io.flowpol.inference.evaluate.calico.CalicoPolicyMatcher}). JDK only.
 *
 * <p>Contract: parsing follows libcalico-go's {@code selector/tokenizer} and
 * {@code selector/parser} at v3.32.1 (conformance data in
 * {@code shared/conformance/calico-selectors}); matching follows the v3 to v1 rule
 * conversion in libcalico-go {@code updateprocessors/rules.go} ({@code getEndpointSelector}),
 * evaluated directly on the endpoint's labels plus the labels Calico adds itself
 * ({@code projectcalico.org/namespace}, {@code pcns.*}, {@code pcsa.*}, ...). Nothing here
 * decides an action or walks tiers: that is the {@code PolicyEngine}'s job.
 */
package io.flowpol.inference.evaluate.calico;
