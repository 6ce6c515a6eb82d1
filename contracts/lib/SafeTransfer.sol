// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function approve(address spender, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

/// OpenZeppelin SafeERC20's behaviour and errors, for tokens that return false or nothing.
abstract contract SafeTransfer {
    error SafeERC20FailedOperation(address token);
    error AddressEmptyCode(address target);
    error AddressInsufficientBalance(address account);
    error FailedInnerCall();

    function _call(IERC20 token, bytes memory data) private {
        if (address(token).code.length == 0) revert AddressEmptyCode(address(token));
        (bool ok, bytes memory ret) = address(token).call(data);
        if (!ok) {
            if (ret.length > 0) {
                assembly {
                    revert(add(ret, 32), mload(ret))
                }
            }
            revert FailedInnerCall();
        }
        if (ret.length > 0 && !abi.decode(ret, (bool))) revert SafeERC20FailedOperation(address(token));
    }

    function _safeTransfer(IERC20 token, address to, uint256 amount) internal {
        _call(token, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    function _safeTransferFrom(IERC20 token, address from, address to, uint256 amount) internal {
        _call(token, abi.encodeCall(IERC20.transferFrom, (from, to, amount)));
    }

    function _safeApprove(IERC20 token, address spender, uint256 amount) internal {
        _call(token, abi.encodeCall(IERC20.approve, (spender, amount)));
    }
}
