-- Headless check of init.lua (scripts/editors/run.mjs): nvim --headless -u init.lua ACCOUNT -c 'luafile check.lua'.
-- Waits (bounded, on a condition) for the server's diagnostics on the account, prints them, asks for a
-- hover and the quick fixes as Neovim's own code_action sends them, applies one, runs a command, and quits.
local out = function(line) io.stdout:write(line .. '\n') end
local function fail(why) io.stderr:write('FAIL ' .. why .. '\n'); vim.cmd('cquit 1') end
local buf = vim.api.nvim_get_current_buf()

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then fail('no diagnostics within 30 s') end
local client = vim.lsp.get_active_clients({ name = 'reflect-lint' })[1] or vim.lsp.buf_get_clients(buf)[next(vim.lsp.buf_get_clients(buf))]
out('EDITOR Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch))
out('ROOT ' .. client.config.root_dir)
out('SERVER-PID ' .. tostring(client.rpc.pid))
for _, d in ipairs(vim.diagnostic.get(buf)) do out(string.format('DIAG %d:%d %s %s', d.lnum + 1, d.col + 1, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message)) end

local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local function find(text)
  for i, l in ipairs(lines) do
    local c = l:find(text, 1, true)
    if c then return i - 1, c - 1 end
  end
end
local uri = vim.uri_from_bufnr(buf)

local crm_line, crm_col = find('CRM')
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = crm_line, character = crm_col + 1 } }, 10000)
local contents = hover and hover[client.id] and hover[client.id].result and hover[client.id].result.contents
if not contents then fail('no hover on CRM') end
out('HOVER ' .. (contents.value or ''):gsub('\n.*', ''))

-- The cursor on the finding, as a learner puts it there: the server offers the fixes of the findings under it.
local line, col = find('good service')
vim.api.nvim_win_set_cursor(0, { line + 1, col })
-- As vim.lsp.buf.code_action() builds its context in 0.7: the line's diagnostics, back as LSP diagnostics.
local context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, line) }
local params = { textDocument = { uri = uri }, range = { start = { line = line, character = col }, ['end'] = { line = line, character = col } }, context = context }
local answer = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
local actions = answer and answer[client.id] and answer[client.id].result or {}
local chosen
for _, a in ipairs(actions) do
  out('ACTION ' .. a.title)
  if a.title == 'Disable vague-standard for this line' then chosen = a end
end
if not chosen then fail('no "Disable vague-standard for this line" quick fix') end
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
out('APPLIED ' .. vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1])

local units = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', { command = 'reflectLint.listRubrics', arguments = {} }, 10000)
out('COMMAND reflectLint.listRubrics: ' .. #(units[client.id].result or {}) .. ' units')
vim.cmd('qall!')
