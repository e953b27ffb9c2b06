<#-- The review report. Input: report (ReportView): every cell already Markdown-escaped, every list sorted. -->
<#assign s = report.summary>
# flowpol report

Learning window ${s.windowStart} to ${s.windowEnd}; flow-log format: ${s.format}.

<#if s.sources?has_content>
Sources:

<#list s.sources as src>
- ${src}
</#list>

</#if>
## Summary

| | count |
| --- | ---: |
| namespaces | ${s.namespaces} |
| nodes | ${s.nodes} |
| pods | ${s.pods} |
| workloads | ${s.workloads} |
| edges turned into rules | ${s.edges} |
| edges left out (too few connections) | ${s.leftOut} |
| attempts (no reply seen, not allowed) | ${s.attempts} |
| NetworkPolicies | ${s.networkPolicies} |
| Calico GlobalNetworkPolicies | ${s.globalNetworkPolicies} |
| allowed beyond what was observed: unexpected | ${s.beyondUnexpected} |
| allowed beyond what was observed: expected exceptions | ${s.beyondExpected} |

## Policies

<#if report.policies?has_content>
| file | selects | ingress rules | egress rules |
| --- | --- | ---: | ---: |
<#list report.policies as p>
| ${p.file} | ${p.selects} | ${p.ingressRules} | ${p.egressRules} |
</#list>
<#else>
No policy was generated: no workload outside the excluded namespaces had an edge.
</#if>

## Service graph

```mermaid
flowchart LR
<#list report.graph.namespaces as g>
  subgraph ${g.id}["${g.title}"]
<#list g.nodes as n>
    ${n.id}["${n.label}"]
</#list>
  end
</#list>
<#list report.graph.others as n>
  ${n.id}(["${n.label}"])
</#list>
<#list report.graph.links as l>
  ${l.from} -->|"${l.label}"| ${l.to}
</#list>
```

## Evidence

<#if report.edges?has_content>
| client | server | port | connections | packets | bytes | first seen | last seen | direction proof |
| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |
<#list report.edges as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.packets} | ${e.bytes} | ${e.firstSeen} | ${e.lastSeen} | ${e.proof} |
</#list>
<#else>
No edge was observed.
</#if>
<#if report.leftOut?has_content>

### Left out: fewer connections than the minimum

These edges get no rule; the generated policies deny them. Lower `--min-connections` to keep them.

| client | server | port | connections | packets | bytes | first seen | last seen | direction proof |
| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |
<#list report.leftOut as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.packets} | ${e.bytes} | ${e.firstSeen} | ${e.lastSeen} | ${e.proof} |
</#list>
</#if>

<#if report.notExpressible?has_content>
## Not expressible in Kubernetes NetworkPolicy

Kubernetes NetworkPolicy knows TCP, UDP and SCTP only. A namespace's default deny isolates its
pods for every protocol, so it blocks these flows (ICMP ping included), and no NetworkPolicy rule
can allow them back. flowpol allows each one it could in the Calico policy named below, which
takes effect only where Calico enforces policy: with another enforcement engine (for example the
VPC CNI's network policy agent) they stay blocked unless you add a rule of that engine. Flow logs
record no ICMP type or code, so a rule allows the whole protocol between the two workloads. A row
with no Calico policy is denied by the generated policies.

| client | server | protocol | connections | first seen | last seen | allowed by |
| --- | --- | --- | ---: | --- | --- | --- |
<#list report.notExpressible as u>
| ${u.client} | ${u.server} | ${u.protocol} | ${u.connections} | ${u.firstSeen} | ${u.lastSeen} | ${u.allowedBy} |
</#list>

</#if>
<#if report.dialect?has_content>
## Calico dialect

`calico/` holds the same policies as Calico `projectcalico.org/v3` resources in the `flowpol` tier
(see README, "Output"). Before writing, flowpol replayed the window against both sets:

<#list report.dialect as line>
- ${line}
</#list>

</#if>
## Allowed beyond what was observed

What the generated policies allow that no observed edge accounts for, per workload and direction,
riskiest peer first (the internet, the API server, nodes, other namespaces, VPC addresses, its
namespace), measured as `flowpol diff` measures newly allowed reachability. Only workloads of
namespaces the policies isolate are listed. "size" counts the addresses (or workloads) times
the ports that were never observed.

<#if report.unexpected?has_content>
| workload | direction | peer | peer kind | ports | size | observed |
| --- | --- | --- | --- | --- | --- | --- |
<#list report.unexpected as r>
| ${r.workload} | ${r.direction} | ${r.peer} | ${r.kinds} | ${r.ports} | ${r.size} | ${r.observed} |
</#list>
<#else>
Nothing unexpected: every rule allows exactly what was observed.
</#if>
<#if report.expected?has_content>

### Expected: configured exceptions

Every pod may resolve names with kube-dns; egress hidden by SNAT is allowed to each candidate
workload because the sender is not identified (see "Egress hidden by SNAT"); a workload seen
talking to the API server may reach it at every recorded address, as its endpoints move.

| workload | direction | peer | peer kind | ports | size | observed | why |
| --- | --- | --- | --- | --- | --- | --- | --- |
<#list report.expected as r>
| ${r.workload} | ${r.direction} | ${r.peer} | ${r.kinds} | ${r.ports} | ${r.size} | ${r.observed} | ${r.reason} |
</#list>
</#if>

## Coverage

What the window could not see. Policies deny traffic that was never observed, so check these before applying.

<#if report.silentWorkloads?has_content>
Workloads with no observed traffic (their namespace's default deny isolates them):

<#list report.silentWorkloads as w>
- ${w}
</#list>

</#if>
<#if report.colocatedPairs?has_content>
Workload pairs whose pods were always on the same node; their traffic never crosses an ENI and is never logged:

<#list report.colocatedPairs as p>
- ${p}
</#list>

</#if>
<#if report.unresolved?has_content>
| unresolved records, by reason | count |
| --- | ---: |
<#list report.unresolved as u>
| ${u.what} | ${u.count} |
</#list>

</#if>
<#if !report.silentWorkloads?has_content && !report.colocatedPairs?has_content && !report.unresolved?has_content>
No gaps were detected.

</#if>
## Attempts (not allowed)

Flows with no reply: blocked today, a scanner or a dead peer. flowpol never turns them into allow rules.

<#if report.attempts?has_content>
| client | server | port | connections | packets | bytes | first seen | last seen | direction proof |
| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |
<#list report.attempts as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.packets} | ${e.bytes} | ${e.firstSeen} | ${e.lastSeen} | ${e.proof} |
</#list>
<#else>
None.
</#if>

## Egress hidden by SNAT

The VPC CNI translates a pod's address to its node's for destinations outside the VPC, so
this egress is seen as node to external and is not attributed to a workload. To make it
attributable: enable external SNAT (`AWS_VPC_K8S_CNI_EXTERNALSNAT=true`) behind a NAT
gateway, with `pkt-srcaddr` and `pkt-dstaddr` in the flow-log format (then it is exact), or learn over a narrower window.
A connection's candidates are the workloads with a pod on its node at its time; the
`snat-candidates` findings name per destination the certain workloads (the only candidate of
some connection) and the common candidates (a candidate of every connection). Allowing only
those (`--snat-egress common-candidates`) cuts a second sender whose pods always shared nodes
with the first.

<#if report.snatEgress?has_content>
| node | destination | port | connections | first seen | last seen | candidate workloads |
| --- | --- | --- | ---: | --- | --- | --- |
<#list report.snatEgress as n>
| ${n.node} | ${n.destination} | ${n.port} | ${n.connections} | ${n.firstSeen} | ${n.lastSeen} | ${n.candidates} |
</#list>
<#else>
None.
</#if>

## Findings

<#if report.findings?has_content>
| severity | code | message | count |
| --- | --- | --- | ---: |
<#list report.findings as f>
| ${f.severity} | ${f.code} | ${f.message} | ${f.count} |
</#list>
<#else>
None.
</#if>
