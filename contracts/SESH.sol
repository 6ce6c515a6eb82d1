// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

/// The devnet's Session Token: OpenZeppelin ERC-20 semantics, events and errors, 9 decimals, a
/// fixed supply minted once at deployment to the genesis allocation wallets. On Arbitrum One the
/// token is the bridged SESHL2; its bridge functions have no place on a devnet.
contract SESH {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InvalidSender(address sender);
    error ERC20InvalidReceiver(address receiver);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error ERC20InvalidApprover(address approver);
    error ERC20InvalidSpender(address spender);

    uint256 public constant VERSION = 1;
    uint256 public immutable totalSupply;
    mapping(address => uint256) private _balances;
    mapping(address => mapping(address => uint256)) private _allowances;

    constructor(address[] memory wallets, uint256[] memory amounts) {
        require(wallets.length == amounts.length, "wallets and amounts differ in length");
        uint256 supply;
        for (uint256 i = 0; i < wallets.length; i++) {
            if (wallets[i] == address(0)) revert ERC20InvalidReceiver(address(0));
            _balances[wallets[i]] += amounts[i];
            supply += amounts[i];
            emit Transfer(address(0), wallets[i], amounts[i]);
        }
        totalSupply = supply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function name() external view returns (string memory) {
        return "Session Token";
    }

    function symbol() external view returns (string memory) {
        return "SESH";
    }

    function decimals() external pure returns (uint8) {
        return 9;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < value) revert ERC20InsufficientAllowance(msg.sender, allowed, value);
            _allowances[from][msg.sender] = allowed - value;
        }
        _transfer(from, to, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) private {
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 balance = _balances[from];
        if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
        unchecked {
            _balances[from] = balance - value;
        }
        _balances[to] += value;
        emit Transfer(from, to, value);
    }
}
