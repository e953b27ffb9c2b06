<#-- flowpol verify: SNAT-ed egress (issue 14). Input: snat (SnatReplayView): one-line cells, rows in address order. -->
<#if snat.rows?has_content>
SNAT-ed egress the policies may deny (${snat.rows?size} of ${snat.destinations} destinations; the sender hides behind a node address, so each candidate is checked):
<#list snat.rows as r>
  ${r.destination}: ${r.connections}: ${r.after}
      ${r.denied}
      candidates: ${r.candidates}
</#list>
<#else>
flowpol: SNAT-ed egress: ${snat.connections} connections to ${snat.destinations} destinations, every one allowed whichever candidate sent it
</#if>
