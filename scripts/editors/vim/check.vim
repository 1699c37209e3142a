" Headless check of vimrc (scripts/editors/run.mjs): vim -N -u vimrc -es -c 'source check.vim' ACCOUNT.
" Vim has no wait primitive: each wait below is a bounded loop that returns as soon as its condition
" holds, letting ALE's jobs and timers run between checks. The report goes to $REFLECT_LINT_CHECK_OUT.
let s:out = []
function! s:Out(line) abort
  call add(s:out, a:line)
  call writefile(s:out, $REFLECT_LINT_CHECK_OUT)
endfunction
function! s:Fail(why) abort
  call s:Out('FAIL ' . a:why)
  cquit 1
endfunction
function! s:WaitFor(Test, ms) abort
  let l:start = reltime()
  while !a:Test()
    if reltimefloat(reltime(l:start)) * 1000 > a:ms
      return 0
    endif
    sleep 10m
  endwhile
  return 1
endfunction

let s:buf = bufnr('')
call s:Out('EDITOR Vim ' . (v:version / 100) . '.' . (v:version % 100) . ', ALE ' . (exists('*ale#Var') ? 'loaded' : 'missing'))
if !s:WaitFor({-> !empty(ale#engine#GetLoclist(s:buf))}, 30000)
  call s:Fail('no diagnostics within 30 s')
endif
for s:conn in values(ale#lsp#GetConnections())
  if get(s:conn, 'root', '') isnot# ''
    call s:Out('ROOT ' . substitute(s:conn.root, '/$', '', ''))
    " ALE's job ids are the processes' ids in Vim.
    call s:Out('SERVER-PID ' . s:conn.job_id)
  endif
endfor
for s:item in ale#engine#GetLoclist(s:buf)
  call s:Out(printf('DIAG %d:%d %s %s', s:item.lnum, s:item.col, get(s:item, 'code', '?'), s:item.text))
endfor

let s:hover = {}
let s:crm = searchpos('CRM', 'nw')
call ale#lsp_linter#SendRequest(s:buf, 'reflect-lint', ale#lsp#message#Hover(s:buf, s:crm[0], s:crm[1] + 1), {response -> extend(s:hover, response)})
if !s:WaitFor({-> has_key(s:hover, 'result')}, 10000)
  call s:Fail('no hover on CRM')
endif
call s:Out('HOVER ' . split(s:hover.result.contents.value, "\n")[0])

" The quick fixes as ALE asks for them (:ALECodeAction): the cursor's range and the nearest error.
let s:good = searchpos('good service', 'nw')
call cursor(s:good[0], s:good[1])
let s:menu = {}
call ale#codefix#Execute(0, {data, items -> extend(s:menu, {'data': data, 'items': items})})
if !s:WaitFor({-> has_key(s:menu, 'items')}, 10000)
  call s:Fail('no answer to textDocument/codeAction')
endif
let s:chosen = v:null
for [s:kind, s:action] in s:menu.items
  call s:Out('ACTION ' . s:action.title)
  if s:action.title is# 'Disable vague-standard for this line'
    let s:chosen = s:action
  endif
endfor
if s:chosen is v:null
  call s:Fail('no "Disable vague-standard for this line" quick fix')
endif
call ale#codefix#ApplyLSPCodeAction(s:menu.data, s:chosen)
call s:Out('APPLIED ' . getline(s:good[0]))

let s:units = {}
call ale#lsp_linter#SendRequest(s:buf, 'reflect-lint', ale#lsp#message#ExecuteCommand('reflectLint.listRubrics', []), {response -> extend(s:units, response)})
if !s:WaitFor({-> has_key(s:units, 'result')}, 10000)
  call s:Fail('no answer to workspace/executeCommand')
endif
call s:Out('COMMAND reflectLint.listRubrics: ' . len(s:units.result) . ' units')
qall!
