-- reflect-lint in Neovim 0.8 or later (vim.lsp.start: one server per workspace folder, reused for
-- every account in it). An account's workspace folder: the nearest folder above it that holds .git or
-- rubrics/; else the folder above the outermost one named accounts, portfolio or reflective-accounts;
-- else the account's own folder. reflectiveAccounts.files globs are matched from it.
local function reflect_lint_root(file)
  local marker = vim.fs.find({ '.git', 'rubrics' }, { upward = true, path = vim.fs.dirname(file) })[1]
  if marker then return vim.fs.dirname(marker) end
  local named
  for dir in vim.fs.parents(file) do
    local name = vim.fs.basename(dir)
    if name == 'accounts' or name == 'portfolio' or name == 'reflective-accounts' then named = dir end
  end
  return named and vim.fs.dirname(named) or vim.fs.dirname(file)
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'markdown', 'pandoc', 'rmd', 'quarto' },
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    if file == '' then return end
    vim.lsp.start({
      name = 'reflect-lint',
      cmd = { 'reflect-lint', 'lsp', '--stdio' },
      root_dir = reflect_lint_root(file),
      -- The reflectiveAccounts.* settings, without the prefix; any left out keeps its default. For example:
      -- reflectiveAccounts = { defaultUnit = 'customer-relations', rules = { ['criterion-not-evidenced'] = 'off' } }
      settings = { reflectiveAccounts = { debounceMs = 250 } },
      -- Highlights criterion references and "This demonstrates…" sentences (Neovim 0.9 or later).
      init_options = { semanticTokens = true },
    })
  end,
})

local function reflect_lint_command(bufnr, command, arguments, on_result)
  vim.lsp.buf_request(bufnr, 'workspace/executeCommand', { command = command, arguments = arguments }, function(err, result)
    if err then vim.notify('reflect-lint: ' .. err.message, vim.log.levels.ERROR) elseif on_result then on_result(result) end
  end)
end

vim.api.nvim_create_autocmd('LspAttach', {
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if not client or client.name ~= 'reflect-lint' then return end
    local bufnr = args.buf
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
  end,
})

-- Colours for the semantic tokens: any highlight group will do.
vim.api.nvim_set_hl(0, '@lsp.type.criterionReference', { link = 'Constant' })
vim.api.nvim_set_hl(0, '@lsp.type.demonstratesSentence', { link = 'Special' })
