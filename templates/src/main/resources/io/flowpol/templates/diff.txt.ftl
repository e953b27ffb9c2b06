<#-- flowpol diff -o text. Input: diff (DiffView): one-line cells, every list sorted, broken first. -->
<#assign n = diff.counts>
flowpol diff: ${diff.currentName} -> ${diff.proposedName}

<#if diff.breaks>
BROKEN: ${diff.headline}
<#else>
OK: ${diff.headline}
</#if>

  observed edges: ${n.observed} (broken ${n.broken}, still denied ${n.stillDenied}, fixed ${n.fixed}, unchanged ${n.unchanged})
  newly allowed peer ranges (beyond the current policies): ${n.newReachability}
  allowed after but never observed: ${n.overPermission}
  reachability changes without observed flows: ${n.unobserved}
<#if n.snatDestinations gt 0>
  SNAT-ed egress destinations the proposal may deny: ${n.snatMayDeny} of ${n.snatDestinations}
</#if>
  policies: ${n.added} added, ${n.changed} changed, ${n.removed} removed, ${n.unchangedDocuments} unchanged
<#if diff.newReachability?has_content>

Newly allowed (denied by the current policies), riskiest first:
<#list diff.newReachability as r>
  ${r.workload}: ${r.direction} ${r.peer} (${r.kinds}) on ${r.ports}
      new: ${r.size}; ${r.observed}
</#list>
</#if>
<#if diff.staged?has_content>

Staged -> enforced (observed flows whose verdict changes once a side's staged policies are promoted):
<#list diff.staged as e>
  ${e.client} -> ${e.server} ${e.port}: ${e.connections} connections, last seen ${e.lastSeen}
      ${e.decision}
</#list>
</#if>
<#if diff.broken?has_content>

BROKEN observed flows (allowed now, denied by the proposal):
<#list diff.broken as e>
  ${e.client} -> ${e.server} ${e.port}: ${e.connections} connections, last seen ${e.lastSeen}
      denied by ${e.decision}
</#list>
</#if>
<#if diff.snat?has_content>

SNAT-ed egress (the sender hides behind a node address, so each candidate is checked):
<#list diff.snat as r>
  ${r.destination}: ${r.connections}: ${r.after} (now ${r.before})
      ${r.denied}
      candidates: ${r.candidates}
</#list>
</#if>
<#if diff.stillDenied?has_content>

Still denied:
<#list diff.stillDenied as e>
  ${e.client} -> ${e.server} ${e.port}: ${e.connections} connections, last seen ${e.lastSeen}
      denied by ${e.decision}
</#list>
</#if>
<#if diff.fixed?has_content>

Fixed (denied now, allowed after):
<#list diff.fixed as e>
  ${e.client} -> ${e.server} ${e.port}: ${e.connections} connections, last seen ${e.lastSeen}
      denied today by ${e.decision}
</#list>
</#if>
<#if diff.overPermission?has_content>

Allowed after but never observed:
<#list diff.overPermission as g>
  ${g.server}
<#list g.rows as r>
    <- ${r.client} ${r.port} (now ${r.before})
</#list>
</#list>
</#if>
<#if diff.unobserved?has_content>

Reachability changes without observed flows:
<#list diff.unobserved as r>
  ${r.client} -> ${r.server} ${r.port}: ${r.before} -> ${r.after}
</#list>
</#if>
<#if diff.files?has_content>

Policy changes:
<#list diff.files as f>

${f.body}<#rt>
</#list>
</#if>
<#if diff.findings?has_content>

Findings:
<#list diff.findings as f>
  ${f.severity} ${f.code}: ${f.message} (${f.count})
</#list>
</#if>
