<#-- flowpol diff -o markdown. Input: diff (DiffView): every cell Markdown-escaped, every list sorted, broken first. -->
<#assign n = diff.counts>
## flowpol diff: ${diff.currentName} → ${diff.proposedName}

<#if diff.breaks>
### ⛔ ${diff.headline}
<#else>
### ✅ ${diff.headline}
</#if>

| | count |
| --- | ---: |
| observed edges | ${n.observed} |
| broken (allowed now, denied after) | ${n.broken} |
| still denied | ${n.stillDenied} |
| fixed (denied now, allowed after) | ${n.fixed} |
| unchanged | ${n.unchanged} |
| newly allowed peer ranges (beyond the current policies) | ${n.newReachability} |
| allowed after but never observed | ${n.overPermission} |
| reachability changes without observed flows | ${n.unobserved} |
<#if n.snatDestinations gt 0>
| SNAT-ed egress destinations the proposal may deny | ${n.snatMayDeny} of ${n.snatDestinations} |
</#if>
| policies added / changed / removed / unchanged | ${n.added} / ${n.changed} / ${n.removed} / ${n.unchangedDocuments} |

<#if diff.newReachability?has_content>
### ⚠️ Newly allowed (${n.newReachability})

What the proposal allows that the current policies deny, riskiest first (internet, API server, nodes, other namespaces, VPC addresses, own namespace).

| workload | direction | peer | kinds | ports | new | observed |
| --- | --- | --- | --- | --- | --- | --- |
<#list diff.newReachability as r>
| ${r.workload} | ${r.direction} | ${r.peer} | ${r.kinds} | ${r.ports} | ${r.size} | ${r.observed} |
</#list>

</#if>
<#if diff.staged?has_content>
### Staged → enforced (${diff.staged?size})

These observed flows change verdict once a side's staged policies (StagedNetworkPolicy,
StagedGlobalNetworkPolicy, StagedKubernetesNetworkPolicy) are enforced, as `flowpol promote` and applying its output would do.

| client | server | port | connections | last seen | change |
| --- | --- | --- | ---: | --- | --- |
<#list diff.staged as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.lastSeen} | ${e.decision} |
</#list>

</#if>
<#if diff.broken?has_content>
### ⛔ Broken observed flows (${n.broken})

These flows were observed and are allowed today; the proposal denies them.

| client | server | port | connections | last seen | denied by |
| --- | --- | --- | ---: | --- | --- |
<#list diff.broken as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.lastSeen} | ${e.decision} |
</#list>

</#if>
<#if diff.snat?has_content>
### SNAT-ed egress (${diff.snat?size})

The VPC CNI's SNAT hides which pod sent these connections to the internet: each candidate workload (a pod on the node at the time) is checked, and a connection is denied if the proposal denies its real sender.

| destination | connections | proposal | now | may deny | candidates |
| --- | --- | --- | --- | --- | --- |
<#list diff.snat as r>
| ${r.destination} | ${r.connections} | ${r.after} | ${r.before} | ${r.denied} | ${r.candidates} |
</#list>

</#if>
<#if diff.stillDenied?has_content>
### Still denied (${n.stillDenied})

Observed, denied today and by the proposal: blocked traffic, or an exception nobody recorded.

| client | server | port | connections | last seen | denied by |
| --- | --- | --- | ---: | --- | --- |
<#list diff.stillDenied as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.lastSeen} | ${e.decision} |
</#list>

</#if>
<#if diff.fixed?has_content>
### Fixed (${n.fixed})

| client | server | port | connections | last seen | denied today by |
| --- | --- | --- | ---: | --- | --- |
<#list diff.fixed as e>
| ${e.client} | ${e.server} | ${e.port} | ${e.connections} | ${e.lastSeen} | ${e.decision} |
</#list>

</#if>
<#if diff.overPermission?has_content>
### Allowed after but never observed (${n.overPermission})

<#list diff.overPermission as g>
#### ${g.server}

| client | port | now |
| --- | --- | --- |
<#list g.rows as r>
| ${r.client} | ${r.port} | ${r.before} |
</#list>

</#list>
</#if>
<#if diff.unobserved?has_content>
### Reachability changes without observed flows (${n.unobserved})

| client | server | port | now | after |
| --- | --- | --- | --- | --- |
<#list diff.unobserved as r>
| ${r.client} | ${r.server} | ${r.port} | ${r.before} | ${r.after} |
</#list>

</#if>
### Policy changes

<#if diff.files?has_content>
${n.added} added, ${n.changed} changed, ${n.removed} removed, ${n.unchangedDocuments} unchanged.

<#list diff.files as f>
<#if f.collapsed>
<details><summary><code>${f.key}</code> (${f.status}, ${f.changedLines} lines)</summary>

${f.fence}diff
${f.body}${f.fence}

</details>
<#else>
#### `${f.key}` (${f.status})

${f.fence}diff
${f.body}${f.fence}
</#if>

</#list>
<#elseif diff.filesOmitted>
${n.added} added, ${n.changed} changed, ${n.removed} removed, ${n.unchangedDocuments} unchanged. The document diffs are too long for this page: see the changed files.

<#else>
No policy document changes (${n.unchangedDocuments} unchanged).

</#if>
<#if diff.findings?has_content>
### Findings

<#list diff.findings as f>
- **${f.severity}** ${f.code}: ${f.message} (${f.count})
</#list>
</#if>
