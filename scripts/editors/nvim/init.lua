-- reflect-lint in Neovim 0.7 or later (vim.lsp.start_client, which 0.8's vim.lsp.start builds on).
-- One server per workspace folder. An account's workspace folder: the nearest folder above it that
-- holds .git or rubrics/; else the folder above the outermost one named accounts, portfolio or
-- reflective-accounts; else the account's own folder. reflectiveAccounts.files globs are matched from it.
local function reflect_lint_root(file)
  local function up(dir, test)
    while true do
      if test(dir) then return dir end
      local parent = vim.fn.fnamemodify(dir, ':h')
      if parent == dir then return nil end
      dir = parent
    end
  end
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local marked = up(dir, function(d) return vim.fn.isdirectory(d .. '/rubrics') == 1 or vim.loop.fs_stat(d .. '/.git') ~= nil end)
  if marked then return marked end
  local named
  up(dir, function(d)
    local name = vim.fn.fnamemodify(d, ':t')
    if name == 'accounts' or name == 'portfolio' or name == 'reflective-accounts' then named = d end
    return false
  end)
  return named and vim.fn.fnamemodify(named, ':h') or dir
end

local function reflect_lint_command(bufnr, command, arguments, on_result)
  vim.lsp.buf_request(bufnr, 'workspace/executeCommand', { command = command, arguments = arguments }, function(err, result)
    if err then vim.notify('reflect-lint: ' .. err.message, vim.log.levels.ERROR) elseif on_result then on_result(result) end
  end)
end

local function reflect_lint_attach(_, bufnr)
  local map = function(lhs, rhs) vim.keymap.set('n', lhs, rhs, { buffer = bufnr }) end
  map('K', vim.lsp.buf.hover)                              -- a key term, or a criterion reference (AC 2)
  map('<leader>ca', vim.lsp.buf.code_action)               -- fixes, Insert criterion reference, Disable RULE
  map(']d', vim.diagnostic.goto_next)
  local uri = vim.uri_from_bufnr(bufnr)
  local command = function(name, run, nargs) vim.api.nvim_buf_create_user_command(bufnr, name, run, { nargs = nargs or 0 }) end
  -- :ReflectCheck checks this Markdown file even though it is not recognised as an account.
  command('ReflectCheck', function() reflect_lint_command(bufnr, 'reflectLint.checkDocument', { uri }) end)
  -- :ReflectUnits lists the units; :ReflectUnit ID writes `unit: ID` into the front matter.
  command('ReflectUnits', function()
    reflect_lint_command(bufnr, 'reflectLint.listRubrics', {}, function(units)
      for _, u in ipairs(units) do print(u.id .. '  ' .. u.title .. ' (Level ' .. u.level .. ')') end
    end)
  end)
  command('ReflectUnit', function(opts) reflect_lint_command(bufnr, 'reflectLint.selectUnit', { uri, opts.args }) end, 1)
  -- :ReflectReport opens the mapping grid of every account in the workspace.
  command('ReflectReport', function()
    reflect_lint_command(bufnr, 'reflectLint.report', {}, function(report)
      vim.cmd('new')
      vim.bo.filetype = 'markdown'
      vim.api.nvim_buf_set_lines(0, 0, -1, false, vim.split(report.content, '\n'))
    end)
  end)
end

local reflect_lint_clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'pandoc', 'rmd', 'quarto' },
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    if file == '' then return end
    local root = reflect_lint_root(file)
    local id = reflect_lint_clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({
        name = 'reflect-lint',
        cmd = { 'reflect-lint', 'lsp', '--stdio' },
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        on_attach = reflect_lint_attach,
        -- The reflectiveAccounts.* settings of the README, without the prefix; any left out keeps its default.
        -- For example: reflectiveAccounts = { defaultUnit = 'customer-relations', rules = { ['criterion-not-evidenced'] = 'off' } }
        settings = { reflectiveAccounts = { debounceMs = 250 } },
      })
      reflect_lint_clients[root] = id
    end
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})
